# One Google identity a cluster workload (or its nodes) runs as: the account, its project roles, and the Kubernetes
# service accounts that may act as it. Created by the foundation's admin; the deployer holds no setIamPolicy on it.
resource "google_service_account" "this" {
  project      = var.project_id
  account_id   = var.account_id
  display_name = var.display_name
}

resource "google_project_iam_member" "this" {
  for_each = var.project_roles

  project = var.project_id
  role    = each.value
  member  = "serviceAccount:${google_service_account.this.email}"
}

resource "google_service_account_iam_member" "workload_identity" {
  for_each = var.bind_kubernetes_service_accounts ? var.kubernetes_service_accounts : {}

  service_account_id = google_service_account.this.name
  role               = "roles/iam.workloadIdentityUser"
  member             = "serviceAccount:${var.project_id}.svc.id.goog[${each.value}]"
}
