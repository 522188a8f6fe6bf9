terraform {
  required_version = ">= 1.5"

  # Partial configuration: the build passes bucket and prefix gitops/<stage>/foundation. The first run on a fresh
  # project has no bucket yet: the build then applies with local state and pushes it into the bucket it just created
  # (see src/GitOps.Platform/Foundation/FoundationProvisioner.cs).
  backend "gcs" {}

  required_providers {
    google = {
      source  = "hashicorp/google"
      version = "= 6.50.0"
    }
  }
}

provider "google" {
  project = var.project_id
  region  = var.region
}
