terraform {
  required_version = ">= 1.7" # removed blocks

  # Partial configuration: the build passes bucket and prefix (gitops/<stage>/<cloud> or gitops/<stage>/mgmt)
  # with -backend-config, so every stage and environment keeps its own state.
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
