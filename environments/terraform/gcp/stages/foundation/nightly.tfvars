# Foundation of stage nightly (APIs, state bucket, deployer, Workload Identity for GitLab CI, DNS zone).
# The build passes the stage. state_bucket is the one place the stage's state bucket is named: the foundation creates it,
# every root of the stage keeps its state there, and TF_STATE_BUCKET / --tf-state-bucket may only repeat it.
project_id          = "eurodat-nightly-27182"
region              = "europe-west3"
state_bucket        = "eurodat-nightly-27182-tfstate"
gitlab_url          = "https://gitlab.eurodat.example"
gitlab_project_path = "eurodat/eurodat-trustee-iac"
dns_zone_name       = "eurodat-nightly-gcp"
dns_domain          = "nightly.gcp.eurodat.example."
