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
