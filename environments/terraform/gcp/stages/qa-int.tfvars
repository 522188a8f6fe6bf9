# Environment cluster of stage qa-int on gcp. The stage is passed by the build.
project_id    = "eurodat-qa-int-14142"
region        = "europe-west3"
machine_type  = "e2-standard-8"
min_nodes     = 2
max_nodes     = 6
spot_nodes    = false
subnet_cidr   = "10.40.0.0/20"
pods_cidr     = "10.41.0.0/16"
services_cidr = "10.40.16.0/20"
