# The identity the pipeline's deploy jobs (and anyone running the cluster targets) act as. It has no key: GitLab CI
# jobs get it through the Workload Identity pool below.
resource "google_service_account" "deployer" {
  project      = var.project_id
  account_id   = "gitops-deployer-${var.stage}"
  display_name = "GitOps deployer of stage ${var.stage}"
  description  = "Provisions and destroys the stage's clusters; used by ${var.gitlab_project_path} CI on protected refs."
  depends_on   = [google_project_service.this]
}

locals {
  deployer_member = "serviceAccount:${google_service_account.deployer.email}"

  deployer_project_roles = {
    # Creates, updates and deletes the GKE clusters and node pools; the same role is GKE's Kubernetes admin, which
    # the build needs to install Argo CD, register clusters and bind Argo CD's RBAC in each new cluster.
    "roles/container.admin" = true
    # VPCs, subnets, Cloud Routers and NATs of the clusters (no firewall or project-wide network policy beyond that).
    "roles/compute.networkAdmin" = true
  }
}

resource "google_project_iam_member" "deployer" {
  for_each = local.deployer_project_roles

  project = var.project_id
  role    = each.key
  member  = local.deployer_member
}

# State of every root of the stage: objects in this bucket only, not the bucket's settings or IAM.
resource "google_storage_bucket_iam_member" "deployer_state" {
  bucket = google_storage_bucket.state.name
  role   = "roles/storage.objectAdmin"
  member = local.deployer_member
}

# Node pools run as the node service account: creating them needs actAs on that account, and only that one.
resource "google_service_account_iam_member" "deployer_acts_as_nodes" {
  service_account_id = module.nodes.name
  role               = "roles/iam.serviceAccountUser"
  member             = local.deployer_member
}

# The cluster roots look up Argo CD's two accounts (data "google_service_account") to hand their emails to the
# clusters; reading an account needs iam.serviceAccounts.get, which neither container.admin nor networkAdmin holds.
# serviceAccountViewer reads, and cannot act as the account or change its policy.
resource "google_service_account_iam_member" "deployer_reads_argocd" {
  service_account_id = module.argocd.name
  role               = "roles/iam.serviceAccountViewer"
  member             = local.deployer_member
}

resource "google_service_account_iam_member" "deployer_reads_argocd_server" {
  service_account_id = module.argocd_server.name
  role               = "roles/iam.serviceAccountViewer"
  member             = local.deployer_member
}

# Private clusters need one firewall rule of their own (the control plane reaching ingress-nginx's admission webhook);
# networkAdmin cannot write firewall rules, and securityAdmin would add SSL policies and Cloud Armor besides.
resource "google_project_iam_custom_role" "cluster_firewalls" {
  project     = var.project_id
  role_id     = "gitopsClusterFirewalls_${replace(var.stage, "-", "_")}"
  title       = "Manage the GKE clusters' firewall rules (GitOps deployer of ${var.stage})"
  permissions = ["compute.firewalls.create", "compute.firewalls.delete", "compute.firewalls.get", "compute.firewalls.list", "compute.firewalls.update", "compute.networks.updatePolicy"]
  depends_on  = [google_project_service.this]
}

resource "google_project_iam_member" "deployer_cluster_firewalls" {
  project = var.project_id
  role    = google_project_iam_custom_role.cluster_firewalls.name
  member  = local.deployer_member
}
