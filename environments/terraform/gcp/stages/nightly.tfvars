# Environment cluster of stage nightly on gcp. The stage is passed by the build.
project_id    = "eurodat-nightly-27182"
region        = "europe-west3"
machine_type  = "e2-standard-4"
min_nodes     = 1
max_nodes     = 3
spot_nodes    = true
subnet_cidr   = "10.20.0.0/20"
pods_cidr     = "10.21.0.0/16"
services_cidr = "10.20.16.0/20"
