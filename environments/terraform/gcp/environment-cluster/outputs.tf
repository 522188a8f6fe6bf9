output "cluster_name" {
  value = module.cluster.name
}

output "cluster_endpoint" {
  description = "API server URL, as registered in Argo CD."
  value       = module.cluster.endpoint
}

output "cluster_ca_certificate" {
  description = "Base64-encoded CA certificate of the API server."
  value       = module.cluster.ca_certificate
}

output "kubeconfig" {
  description = "Written by the build to .nuke/temp/<stage>-<cloud>/kubeconfig with mode 0600."
  sensitive   = true
  value       = module.cluster.kubeconfig
}

output "argocd_service_account" {
  description = "Google service account of the stage's Argo CD: the build binds it to Kubernetes RBAC in this cluster."
  value       = data.google_service_account.argocd.email
}

output "argocd_server_service_account" {
  description = "Google service account of argocd-server: the build binds it to read-only Kubernetes RBAC in this cluster."
  value       = data.google_service_account.argocd_server.email
}
