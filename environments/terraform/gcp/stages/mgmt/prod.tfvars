# Management cluster (Argo CD) of stage prod. The stage is passed by the build.
project_id    = "eurodat-prod-17320"
region        = "europe-west3"
machine_type  = "e2-standard-2"
min_nodes     = 1
max_nodes     = 2
spot_nodes    = false
subnet_cidr   = "10.150.0.0/20"
pods_cidr     = "10.151.0.0/16"
services_cidr = "10.150.16.0/20"

# Private nodes are on for every stage (the module's default); prod also restricts who reaches the API server.
restrict_master_access = true
# Before provisioning prod, list the CI runners' egress CIDRs and, for the environment cluster, the management
# cluster's nat_address output (Argo CD calls in from there); with an empty list the plan stops and says so.
master_authorized_networks = []
