# Management cluster (Argo CD) of stage nightly. project_id and stage are passed by the build.
region        = "europe-west3"
machine_type  = "e2-standard-2"
min_nodes     = 1
max_nodes     = 2
spot_nodes    = true
subnet_cidr   = "10.120.0.0/20"
pods_cidr     = "10.121.0.0/16"
services_cidr = "10.120.16.0/20"
