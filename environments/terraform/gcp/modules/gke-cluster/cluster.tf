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

  # GKE still creates the default pool before removing it, as the node account unless told otherwise: without this it
  # runs as the Compute Engine default account, which the deployer may not act as (and which may not exist).
  node_config {
    service_account = var.node_service_account
    oauth_scopes    = ["https://www.googleapis.com/auth/cloud-platform"]
  }

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

  # The endpoint stays public (CI runners and the management cluster's Argo CD must reach it), the nodes do not.
  dynamic "private_cluster_config" {
    for_each = var.private_nodes ? [1] : []
    content {
      enable_private_nodes    = true
      enable_private_endpoint = false
      master_ipv4_cidr_block  = var.master_ipv4_cidr_block
    }
  }

  dynamic "master_authorized_networks_config" {
    for_each = var.restrict_master_access ? [1] : []
    content {
      gcp_public_cidrs_access_enabled = false

      dynamic "cidr_blocks" {
        for_each = var.master_authorized_networks
        content {
          display_name = cidr_blocks.value.name
          cidr_block   = cidr_blocks.value.cidr_block
        }
      }
    }
  }

  lifecycle {
    # Only the temporary default pool used it; the managed pool carries the node configuration.
    ignore_changes = [node_config]

    precondition {
      condition     = !var.restrict_master_access || length(var.master_authorized_networks) > 0
      error_message = "restrict_master_access is on but master_authorized_networks is empty: nothing outside the VPC (no CI runner, not Argo CD) could reach the API server. Add the runners' egress CIDR and the management cluster's nat_address to the stage's tfvars."
    }
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
    machine_type    = var.machine_type
    spot            = var.spot_nodes
    labels          = var.labels
    service_account = var.node_service_account
    # The scope only caps the token; what the nodes may do is the node service account's roles.
    oauth_scopes = ["https://www.googleapis.com/auth/cloud-platform"]

    workload_metadata_config {
      mode = "GKE_METADATA"
    }
  }
}
