# Environment cluster of stage dev on gcp. The stage is passed by the build.
project_id    = "eurodat-dev-31415"
region        = "europe-west3"
machine_type  = "e2-standard-4"
min_nodes     = 1
max_nodes     = 3
spot_nodes    = true
subnet_cidr   = "10.10.0.0/20"
pods_cidr     = "10.11.0.0/16"
services_cidr = "10.10.16.0/20"
