resource "google_compute_network" "this" {
  project                 = var.project_id
  name                    = "${var.name}-vpc"
  auto_create_subnetworks = false
}

resource "google_compute_subnetwork" "this" {
  project                  = var.project_id
  name                     = "${var.name}-nodes"
  region                   = var.region
  network                  = google_compute_network.this.id
  ip_cidr_range            = var.subnet_cidr
  private_ip_google_access = true

  secondary_ip_range {
    range_name    = "pods"
    ip_cidr_range = var.pods_cidr
  }

  secondary_ip_range {
    range_name    = "services"
    ip_cidr_range = var.services_cidr
  }
}

# Private nodes have no public IP; Cloud NAT gives them egress (image pulls, external APIs) from one static address.
resource "google_compute_address" "nat" {
  count = var.private_nodes ? 1 : 0

  project = var.project_id
  name    = "${var.name}-nat"
  region  = var.region
}

resource "google_compute_router" "this" {
  count = var.private_nodes ? 1 : 0

  project = var.project_id
  name    = "${var.name}-router"
  region  = var.region
  network = google_compute_network.this.id
}

resource "google_compute_router_nat" "this" {
  count = var.private_nodes ? 1 : 0

  project                            = var.project_id
  name                               = "${var.name}-nat"
  region                             = var.region
  router                             = google_compute_router.this[0].name
  nat_ip_allocate_option             = "MANUAL_ONLY"
  nat_ips                            = [google_compute_address.nat[0].self_link]
  source_subnetwork_ip_ranges_to_nat = "LIST_OF_SUBNETWORKS"

  subnetwork {
    name                    = google_compute_subnetwork.this.id
    source_ip_ranges_to_nat = ["ALL_IP_RANGES"]
  }

  log_config {
    enable = true
    filter = "ERRORS_ONLY"
  }
}

# On private nodes GKE opens only 443 and 10250 from the control plane to the nodes; ingress-nginx's admission webhook
# listens on 8443, and with its failurePolicy Fail every Ingress would be refused without this rule.
resource "google_compute_firewall" "control_plane_webhooks" {
  count = var.private_nodes ? 1 : 0

  project       = var.project_id
  name          = "${var.name}-control-plane-webhooks"
  network       = google_compute_network.this.id
  direction     = "INGRESS"
  source_ranges = [var.master_ipv4_cidr_block]

  allow {
    protocol = "tcp"
    ports    = ["8443"]
  }
}
