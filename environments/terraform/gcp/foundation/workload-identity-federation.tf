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

  # google.subject may not exceed 127 bytes, and GitLab's sub ("project_path:<group>/<project>:ref_type:branch:ref:<ref>")
  # grows with the path and the branch name; the numeric project and job ids keep it short and still name the job
  # in Cloud Audit Logs. The path and ref stay available as attributes.
  attribute_mapping = {
    "google.subject"          = "\"gitlab-project:\" + assertion.project_id + \":job:\" + assertion.job_id"
    "attribute.project_id"    = "assertion.project_id"
    "attribute.project_path"  = "assertion.project_path"
    "attribute.ref"           = "assertion.ref"
    "attribute.ref_protected" = "assertion.ref_protected"
  }

  # STS rejects, before any role is looked at, the ID tokens of any other project (by its immutable id: a path can
  # be re-registered by someone else after a rename or transfer; the path must still agree), of any ref but the branch
  # main (the generated deploy jobs run only there; another protected branch or a protected tag, which a maintainer can
  # push at any commit, is refused too), of unprotected refs (which any developer can push), and of every job that does not deploy to this stage's GitLab environment, protected
  # in GitLab (Settings > CI/CD > Protected environments: who may deploy). GitLab puts environment and
  # environment_protected ("true"/"false") only into tokens of jobs that declare environment:, and a condition reading
  # a claim the token lacks fails, so a job without one is rejected too. Another stage's jobs, even on main, never
  # reach this stage's deployer: prod's only from prod/gcp.
  attribute_condition = "assertion.project_id == \"${var.gitlab_project_id}\" && assertion.project_path == \"${var.gitlab_project_path}\" && assertion.ref_type == \"branch\" && assertion.ref == \"main\" && assertion.ref_protected == \"true\" && assertion.environment == \"${local.gitlab_environment}\" && assertion.environment_protected == \"true\""

  oidc {
    issuer_uri        = var.gitlab_url
    allowed_audiences = [local.workload_identity_audience]
  }

  lifecycle {
    # The committed number names this provider for every pipeline of the stage (CommittedDeployer); a wrong one
    # would send every job to a provider that does not exist.
    precondition {
      condition     = data.google_project.this.number == var.project_number
      error_message = "project_number in the stage's foundation tfvars is not the number of project_id; commit gcloud projects describe <project_id> --format='value(projectNumber)'."
    }
  }
}

locals {
  # The GitLab environment of the stage's deploy jobs (Provision, DeployAppOfApps, Destroy of <stage>/gcp), as the
  # generated .gitlab-ci.yml declares it.
  gitlab_environment = "${var.stage}/gcp"

  # What the jobs' id_tokens must carry as aud (the provider's own URL, as Google recommends).
  workload_identity_audience = "https://iam.googleapis.com/projects/${data.google_project.this.number}/locations/global/workloadIdentityPools/gitlab-${var.stage}/providers/gitlab"
}

data "google_project" "this" {
  project_id = var.project_id
}

# Only this GitLab project's jobs (by id) that the condition above lets through (protected ref, this stage's
# protected environment) are in this principalSet.
resource "google_service_account_iam_member" "deployer_from_gitlab" {
  service_account_id = google_service_account.deployer.name
  role               = "roles/iam.workloadIdentityUser"
  member             = "principalSet://iam.googleapis.com/${google_iam_workload_identity_pool.gitlab.name}/attribute.project_id/${var.gitlab_project_id}"
}
