# Management cluster (Argo CD) of stage nightly. The stage is passed by the build.
project_id    = "eurodat-nightly-27182"
region        = "europe-west3"
machine_type  = "e2-standard-2"
min_nodes     = 1
max_nodes     = 2
spot_nodes    = true
subnet_cidr   = "10.120.0.0/20"
pods_cidr     = "10.121.0.0/16"
services_cidr = "10.120.16.0/20"
