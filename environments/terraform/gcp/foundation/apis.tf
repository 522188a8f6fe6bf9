locals {
  # Everything the foundation and the cluster roots call. sts and iamcredentials carry the CI token exchange.
  services = toset([
    "cloudresourcemanager.googleapis.com",
    "compute.googleapis.com",
    "container.googleapis.com",
    "dns.googleapis.com",
    "iam.googleapis.com",
    "iamcredentials.googleapis.com",
    "serviceusage.googleapis.com",
    "storage.googleapis.com",
    "sts.googleapis.com",
  ])
}

resource "google_project_service" "this" {
  for_each = local.services

  project = var.project_id
  service = each.value

  # Destroying the foundation must never switch an API off under clusters or other users of the project.
  disable_on_destroy         = false
  disable_dependent_services = false
}
