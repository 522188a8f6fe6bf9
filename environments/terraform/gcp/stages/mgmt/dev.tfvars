# Management cluster (Argo CD) of stage dev. The stage is passed by the build.
project_id    = "eurodat-dev-31415"
region        = "europe-west3"
machine_type  = "e2-standard-2"
min_nodes     = 1
max_nodes     = 2
spot_nodes    = true
subnet_cidr   = "10.110.0.0/20"
pods_cidr     = "10.111.0.0/16"
services_cidr = "10.110.16.0/20"
