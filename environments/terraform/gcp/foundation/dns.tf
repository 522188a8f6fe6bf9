resource "google_dns_managed_zone" "stage" {
  project     = var.project_id
  name        = var.dns_zone_name
  dns_name    = var.dns_domain
  description = "Records of stage ${var.stage}, written by external-dns."
  visibility  = "public"

  # Deleting a zone loses its name servers: the parent domain's delegation would have to be redone.
  lifecycle {
    prevent_destroy = true
  }

  depends_on = [google_project_service.this]
}
