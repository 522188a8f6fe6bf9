# Foundation of stage qa (APIs, state bucket, deployer, Workload Identity for GitLab CI, DNS zone).
# The stage and the state bucket (TF_STATE_BUCKET) are passed by the build.
project_id          = "eurodat-qa-16180"
region              = "europe-west3"
gitlab_url          = "https://gitlab.eurodat.example"
gitlab_project_path = "eurodat/eurodat-trustee-iac"
dns_zone_name       = "eurodat-qa-gcp"
dns_domain          = "qa.gcp.eurodat.example."
