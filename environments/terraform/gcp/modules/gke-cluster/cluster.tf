resource "google_container_cluster" "this" {
  project             = var.project_id
  name                = var.name
  location            = var.region
  network             = google_compute_network.this.id
  subnetwork          = google_compute_subnetwork.this.id
  deletion_protection = var.deletion_protection
  resource_labels     = var.labels

  # The default pool cannot be changed without recreating the cluster; a separately managed pool can.
  remove_default_node_pool = true
  initial_node_count       = 1

  release_channel {
    channel = var.release_channel
  }

  ip_allocation_policy {
    cluster_secondary_range_name  = "pods"
    services_secondary_range_name = "services"
  }

  # Argo CD on the management cluster reaches environment clusters with Google identities, not static tokens.
  workload_identity_config {
    workload_pool = "${var.project_id}.svc.id.goog"
  }
}

resource "google_container_node_pool" "default" {
  project        = var.project_id
  name           = "default"
  location       = var.region
  cluster        = google_container_cluster.this.name
  node_locations = length(var.node_locations) > 0 ? var.node_locations : null

  autoscaling {
    min_node_count = var.min_nodes
    max_node_count = var.max_nodes
  }

  management {
    auto_repair  = true
    auto_upgrade = true
  }

  node_config {
    machine_type = var.machine_type
    spot         = var.spot_nodes
    labels       = var.labels
    oauth_scopes = ["https://www.googleapis.com/auth/cloud-platform"]

    workload_metadata_config {
      mode = "GKE_METADATA"
    }
  }
}
