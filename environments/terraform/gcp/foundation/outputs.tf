output "state_bucket" {
  description = "TF_STATE_BUCKET for every other target of the stage."
  value       = google_storage_bucket.state.name
}

output "deployer_service_account" {
  description = "CI/CD variable GCP_DEPLOYER_SERVICE_ACCOUNT: the account deploy jobs impersonate."
  value       = google_service_account.deployer.email
}

output "workload_identity_provider" {
  description = "CI/CD variable GCP_WORKLOAD_IDENTITY_PROVIDER: projects/<number>/locations/global/workloadIdentityPools/<pool>/providers/<provider>."
  value       = google_iam_workload_identity_pool_provider.gitlab.name
}

output "workload_identity_audience" {
  description = "The aud the jobs' id_tokens must carry."
  value       = local.workload_identity_audience
}

output "node_service_account" {
  description = "Service account the clusters' nodes run as."
  value       = module.nodes.email
}

output "argocd_service_account" {
  description = "Google service account of Argo CD's application controller."
  value       = module.argocd.email
}

output "argocd_server_service_account" {
  description = "Google service account of argocd-server (read-only in the environment clusters)."
  value       = module.argocd_server.email
}

output "external_dns_service_account" {
  description = "Google service account external-dns's Kubernetes service account is annotated with."
  value       = module.external_dns.email
}

output "dns_zone" {
  description = "Cloud DNS zone of the stage and the name servers to delegate its domain to."
  value = {
    name         = google_dns_managed_zone.stage.name
    dns_name     = google_dns_managed_zone.stage.dns_name
    name_servers = google_dns_managed_zone.stage.name_servers
  }
}
