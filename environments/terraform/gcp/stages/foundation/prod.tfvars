# Foundation of stage prod (APIs, state bucket, deployer, Workload Identity for GitLab CI, DNS zone).
# The stage and the state bucket (TF_STATE_BUCKET) are passed by the build.
project_id          = "eurodat-prod-17320"
region              = "europe-west3"
gitlab_url          = "https://gitlab.eurodat.example"
gitlab_project_path = "eurodat/eurodat-trustee-iac"
dns_zone_name       = "eurodat-prod-gcp"
dns_domain          = "gcp.eurodat.org."
