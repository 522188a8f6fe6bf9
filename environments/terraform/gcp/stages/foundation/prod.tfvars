# Foundation of stage prod (APIs, state bucket, deployer, Workload Identity for GitLab CI, DNS zone).
# The build passes the stage. state_bucket is the one place the stage's state bucket is named: the foundation creates it,
# every root of the stage keeps its state there, and TF_STATE_BUCKET / --tf-state-bucket may only repeat it.
# project_number and gitlab_project_id are committed for the same reason: a pipeline takes its Workload Identity
# provider and deployer from here (GCP_WORKLOAD_IDENTITY_PROVIDER / GCP_DEPLOYER_SERVICE_ACCOUNT may only repeat them),
# and only ID tokens of GitLab project gitlab_project_id (Settings > General; it survives renames) may deploy.
project_id          = "eurodat-prod-17320"
project_number      = "223606797749"
region              = "europe-west3"
state_bucket        = "eurodat-prod-17320-tfstate"
gitlab_url          = "https://gitlab.eurodat.example"
gitlab_project_path = "eurodat/eurodat-trustee-iac"
gitlab_project_id   = "4711"
dns_zone_name       = "eurodat-prod-gcp"
dns_domain          = "gcp.eurodat.org."
