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
  description = "Written by the build to .nuke/temp/<stage>-mgmt/kubeconfig with mode 0600."
  sensitive   = true
  value       = module.cluster.kubeconfig
}

output "argocd_service_account" {
  description = "Google service account to annotate Argo CD's Kubernetes service accounts with."
  value       = data.google_service_account.argocd.email
}

output "argocd_server_service_account" {
  description = "Google service account to annotate argocd-server's Kubernetes service account with."
  value       = data.google_service_account.argocd_server.email
}

output "nat_address" {
  description = "Egress address of this cluster's nodes (Argo CD): add it to the environment clusters' master_authorized_networks."
  value       = module.cluster.nat_address
}
