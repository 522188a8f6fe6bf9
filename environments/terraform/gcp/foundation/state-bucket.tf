# Holds the state of every root of the stage (gitops/<stage>/<cloud|mgmt|foundation>), the foundation's own included.
resource "google_storage_bucket" "state" {
  project  = var.project_id
  name     = var.state_bucket
  location = var.region

  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
  force_destroy               = false

  # Every state write is a new object version: a broken apply can be rolled back to the previous state.
  versioning {
    enabled = true
  }

  lifecycle_rule {
    condition {
      num_newer_versions = 20
      with_state         = "ARCHIVED"
    }
    action {
      type = "Delete"
    }
  }

  lifecycle {
    prevent_destroy = true
  }

  depends_on = [google_project_service.this]
}
