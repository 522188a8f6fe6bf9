terraform {
  required_version = ">= 1.5"

  # Partial configuration: the build passes bucket and prefix (gitops/<stage>/<cloud> or gitops/<stage>/mgmt)
  # with -backend-config, so every stage and environment keeps its own state.
  backend "gcs" {}

  required_providers {
    google = {
      source  = "hashicorp/google"
      version = "~> 6.0"
    }
    kubernetes = {
      source  = "hashicorp/kubernetes"
      version = "~> 2.30"
    }
  }
}

provider "google" {
  project = var.project_id
  region  = var.region
}

data "google_client_config" "current" {}

# Configured from the cluster created in this module: fine for the one namespace below, which is created after the
# cluster and destroyed before it.
provider "kubernetes" {
  host                   = module.cluster.endpoint
  token                  = data.google_client_config.current.access_token
  cluster_ca_certificate = base64decode(module.cluster.ca_certificate)
}
