variable "project_id" {
  description = "Google Cloud project of the stage, set in its tfvars (GOOGLE_PROJECT, when set, must agree)."
  type        = string
}

variable "stage" {
  description = "Stage this cluster serves (dev, nightly, qa, qa-int, prod); the build passes it."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]*$", var.stage))
    error_message = "The stage must be lowercase letters, digits and hyphens."
  }
}

variable "region" {
  description = "Region of the cluster and its network."
  type        = string
  default     = "europe-west3"
}

variable "node_locations" {
  description = "Zones of the nodes; empty means the region default."
  type        = list(string)
  default     = []
}

variable "machine_type" {
  description = "Machine type of the nodes."
  type        = string
}

variable "min_nodes" {
  description = "Minimum nodes per zone."
  type        = number
  default     = 1
}

variable "max_nodes" {
  description = "Maximum nodes per zone."
  type        = number
  default     = 3
}

variable "spot_nodes" {
  description = "Use Spot VMs (cheaper, preemptible)."
  type        = bool
  default     = false
}

variable "release_channel" {
  description = "GKE release channel."
  type        = string
  default     = "REGULAR"
}

variable "subnet_cidr" {
  description = "Primary range of the nodes subnet."
  type        = string
}

variable "pods_cidr" {
  description = "Secondary range for pods."
  type        = string
}

variable "services_cidr" {
  description = "Secondary range for services."
  type        = string
}


variable "argocd_namespace" {
  description = "Namespace the build installs Argo CD into with helm."
  type        = string
  default     = "argocd"
}

variable "private_nodes" {
  description = "Nodes without public IPs, egress through Cloud NAT."
  type        = bool
  default     = true
}

variable "restrict_master_access" {
  description = "Only master_authorized_networks reach the API server (on for prod)."
  type        = bool
  default     = false
}

variable "master_authorized_networks" {
  description = "CIDRs allowed to reach the API server when restrict_master_access is on."
  type = list(object({
    name       = string
    cidr_block = string
  }))
  default = []
}
