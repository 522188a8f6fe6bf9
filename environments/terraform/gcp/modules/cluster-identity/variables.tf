variable "project_id" {
  description = "Google Cloud project of the stage."
  type        = string
}

variable "account_id" {
  description = "Service account id (the part before @), e.g. argocd-<stage>."
  type        = string
}

variable "display_name" {
  description = "Display name of the service account."
  type        = string
}

variable "project_roles" {
  description = "Predefined roles granted on the project; each a role name known before apply (a custom role is granted by the caller)."
  type        = set(string)
  default     = []
}

variable "kubernetes_service_accounts" {
  description = "Kubernetes service accounts (namespace/name) that may act as this account through Workload Identity Federation for GKE, by a fixed key."
  type        = map(string)
  default     = {}
}

variable "bind_kubernetes_service_accounts" {
  description = "Whether the project's GKE pool (<project>.svc.id.goog) exists yet; IAM refuses members of a pool that does not."
  type        = bool
  default     = false
}
