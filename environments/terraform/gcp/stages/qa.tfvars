# Environment cluster of stage qa on gcp. The stage is passed by the build.
project_id    = "eurodat-qa-16180"
region        = "europe-west3"
machine_type  = "e2-standard-4"
min_nodes     = 1
max_nodes     = 4
spot_nodes    = false
subnet_cidr   = "10.30.0.0/20"
pods_cidr     = "10.31.0.0/16"
services_cidr = "10.30.16.0/20"
