# GitLab CI jobs exchange their OIDC id_token for the deployer's access token (STS, then iamcredentials):
# no service-account key is kept anywhere.
resource "google_iam_workload_identity_pool" "gitlab" {
  project                   = var.project_id
  workload_identity_pool_id = "gitlab-${var.stage}"
  display_name              = "GitLab CI (${var.stage})"
  description               = "id_tokens of ${var.gitlab_project_path} on ${var.gitlab_url}"
  depends_on                = [google_project_service.this]
}

resource "google_iam_workload_identity_pool_provider" "gitlab" {
  project                            = var.project_id
  workload_identity_pool_id          = google_iam_workload_identity_pool.gitlab.workload_identity_pool_id
  workload_identity_pool_provider_id = "gitlab"
  display_name                       = "GitLab ${var.gitlab_project_path}"

  attribute_mapping = {
    "google.subject"          = "assertion.sub"
    "attribute.project_path"  = "assertion.project_path"
    "attribute.ref"           = "assertion.ref"
    "attribute.ref_protected" = "assertion.ref_protected"
  }

  # Tokens of any other project, and of unprotected branches or tags (which any developer can push), are rejected
  # by STS before any role is looked at.
  attribute_condition = "assertion.project_path == \"${var.gitlab_project_path}\" && assertion.ref_protected == \"true\""

  oidc {
    issuer_uri        = var.gitlab_url
    allowed_audiences = [local.workload_identity_audience]
  }
}

locals {
  # What the jobs' id_tokens must carry as aud (the provider's own URL, as Google recommends).
  workload_identity_audience = "https://iam.googleapis.com/projects/${data.google_project.this.number}/locations/global/workloadIdentityPools/gitlab-${var.stage}/providers/gitlab"
}

data "google_project" "this" {
  project_id = var.project_id
}

# Only this GitLab project's protected-ref jobs (the condition above) are in this principalSet.
resource "google_service_account_iam_member" "deployer_from_gitlab" {
  service_account_id = google_service_account.deployer.name
  role               = "roles/iam.workloadIdentityUser"
  member             = "principalSet://iam.googleapis.com/${google_iam_workload_identity_pool.gitlab.name}/attribute.project_path/${var.gitlab_project_path}"
}
