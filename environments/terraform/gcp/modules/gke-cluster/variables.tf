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

variable "node_service_account" {
  description = "Email of the service account the nodes run as (the foundation's gke-nodes-<stage>), never the default Compute Engine account."
  type        = string
}

variable "private_nodes" {
  description = "Nodes get no public IP and reach the internet through Cloud NAT (a static address, so it can be allow-listed)."
  type        = bool
  default     = true
}

variable "master_ipv4_cidr_block" {
  description = "/28 range of the control plane's private endpoint when private_nodes is on; unique per VPC peering."
  type        = string
  default     = "172.16.0.0/28"
}

variable "restrict_master_access" {
  description = "Only master_authorized_networks (and the cluster's own VPC) reach the API server."
  type        = bool
  default     = false
}

variable "master_authorized_networks" {
  description = "CIDRs allowed to reach the API server when restrict_master_access is on: CI runners' egress, the management cluster's NAT address, operators."
  type = list(object({
    name       = string
    cidr_block = string
  }))
  default = []
}
