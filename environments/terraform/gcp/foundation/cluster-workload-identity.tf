# Which Kubernetes service accounts act as the clusters' Google identities (Workload Identity Federation for GKE):
# each module "…" in service-accounts.tf binds its kubernetes_service_accounts. Bound here, by the admin who runs the
# foundation, and not by the deployer in the cluster roots: binding them needs setIamPolicy on the accounts, and
# whoever holds that can bind itself too.
#
# GKE creates the project's pool <project>.svc.id.goog with the project's first cluster, and IAM refuses members of a
# pool that does not exist ("Identity Pool does not exist"). So on a new project these wait: once the stage's
# management cluster exists, set gke_workload_identity_pool_exists = true in the stage's foundation tfvars and run
# ProvisionFoundation again, before Provision creates the environment cluster (README: "First time on a new GCP project").

# The identities were resources of this root before they moved into modules/cluster-identity. These keep their state:
# without them Terraform would destroy and recreate every account, which gives it a new unique id and drops what
# is bound to it (the deployer's actAs on the nodes' account, the clusters' Workload Identity).
moved {
  from = google_service_account.nodes
  to   = module.nodes.google_service_account.this
}

moved {
  from = google_project_iam_member.nodes
  to   = module.nodes.google_project_iam_member.this
}

moved {
  from = google_service_account.argocd
  to   = module.argocd.google_service_account.this
}

moved {
  from = google_project_iam_member.argocd_cluster_viewer
  to   = module.argocd.google_project_iam_member.this["roles/container.clusterViewer"]
}

moved {
  from = google_service_account_iam_member.argocd_workload_identity[0]
  to   = module.argocd.google_service_account_iam_member.workload_identity["application-controller"]
}

moved {
  from = google_service_account.argocd_server
  to   = module.argocd_server.google_service_account.this
}

moved {
  from = google_project_iam_member.argocd_server_cluster_viewer
  to   = module.argocd_server.google_project_iam_member.this["roles/container.clusterViewer"]
}

moved {
  from = google_service_account_iam_member.argocd_server_workload_identity[0]
  to   = module.argocd_server.google_service_account_iam_member.workload_identity["server"]
}

moved {
  from = google_service_account.external_dns
  to   = module.external_dns.google_service_account.this
}

moved {
  from = google_service_account_iam_member.external_dns_workload_identity[0]
  to   = module.external_dns.google_service_account_iam_member.workload_identity["external-dns"]
}
