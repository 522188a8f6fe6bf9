variable "project_id" {
  description = "Google Cloud project of the stage, set in its tfvars (GOOGLE_PROJECT, when set, must agree)."
  type        = string
}

variable "project_number" {
  description = "Number of that project (gcloud projects describe <project_id> --format='value(projectNumber)'), committed so that a pipeline names its Workload Identity provider from the repository; the plan stops when it is not the project's."
  type        = string

  validation {
    condition     = can(regex("^[0-9]{6,20}$", var.project_number))
    error_message = "The project number is the project's numeric id (gcloud projects describe <project_id> --format='value(projectNumber)')."
  }
}

variable "stage" {
  description = "Stage this project serves (dev, nightly, qa, qa-int, prod); the build passes it."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]*$", var.stage))
    error_message = "The stage must be lowercase letters, digits and hyphens."
  }
}

variable "region" {
  description = "Region of the state bucket (and default region of the provider)."
  type        = string
  default     = "europe-west3"
}

variable "state_bucket" {
  description = "Name of the GCS bucket for every Terraform state of the stage, committed in its tfvars: the build reads the same line for every root's backend, and TF_STATE_BUCKET may only repeat it."
  type        = string

  # GCS bucket naming rules (without dots: a dotted name must be a verified domain). The name is global across GCS.
  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9_-]{1,61}[a-z0-9]$", var.state_bucket)) && !startswith(var.state_bucket, "goog") && !strcontains(var.state_bucket, "google")
    error_message = "The state bucket must be 3-63 lowercase letters, digits, hyphens or underscores, start and end with a letter or digit, and neither start with goog nor contain google."
  }
}

variable "gitlab_url" {
  description = "GitLab instance whose CI id_tokens are trusted: the tokens' issuer (iss), e.g. https://gitlab.com."
  type        = string
}

variable "gitlab_project_path" {
  description = "Path of this repository's GitLab project (group/project); only its jobs may act as the deployer."
  type        = string
}

variable "gitlab_project_id" {
  description = "Numeric id of that GitLab project (Settings > General). Unlike its path it is never reused: after a rename or transfer another project can take the old path, never the id."
  type        = string

  validation {
    condition     = can(regex("^[1-9][0-9]{0,19}$", var.gitlab_project_id))
    error_message = "The GitLab project id is a number (Settings > General > Project ID)."
  }
}

variable "dns_zone_name" {
  description = "Name of the Cloud DNS managed zone external-dns writes the stage's records into."
  type        = string
}

variable "dns_domain" {
  description = "Domain of that zone, ending with a dot (e.g. dev.gcp.eurodat.example.)."
  type        = string

  validation {
    condition     = endswith(var.dns_domain, ".")
    error_message = "The DNS domain must end with a dot, e.g. dev.gcp.eurodat.example."
  }
}

variable "gke_workload_identity_pool_exists" {
  description = "Whether the project's GKE workload pool (<project>.svc.id.goog, created with its first cluster) exists; set true once the management cluster does, then rerun the foundation."
  type        = bool
  default     = false
}

variable "argocd_namespace" {
  description = "Namespace the build installs Argo CD into with helm."
  type        = string
  default     = "argocd"
}
