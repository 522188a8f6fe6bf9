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
