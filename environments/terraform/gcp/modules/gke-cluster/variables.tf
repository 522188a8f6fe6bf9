variable "project_id" {
  description = "Google Cloud project that holds the cluster."
  type        = string
}

variable "region" {
  description = "Region of the network and of the (regional) cluster."
  type        = string
}

variable "node_locations" {
  description = "Zones of the node pool; empty means the region's default zones."
  type        = list(string)
  default     = []
}

variable "name" {
  description = "Cluster name; also prefixes the network and subnet."
  type        = string
}

variable "labels" {
  description = "Labels put on the cluster and its nodes."
  type        = map(string)
  default     = {}
}

variable "subnet_cidr" {
  description = "Primary range of the nodes' subnet."
  type        = string
}

variable "pods_cidr" {
  description = "Secondary range for pod IPs."
  type        = string
}

variable "services_cidr" {
  description = "Secondary range for service IPs."
  type        = string
}

variable "release_channel" {
  description = "GKE release channel: RAPID, REGULAR or STABLE."
  type        = string
  default     = "REGULAR"
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
  description = "Whether nodes are Spot VMs (cheap, may be preempted; fine for dev and nightly)."
  type        = bool
  default     = false
}

variable "deletion_protection" {
  description = "Blocks terraform destroy of the cluster; the build asks for confirmation on prod instead."
  type        = bool
  default     = false
}
