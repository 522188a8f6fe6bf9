output "name" {
  value = google_container_cluster.this.name
}

output "endpoint" {
  description = "API server URL."
  value       = "https://${google_container_cluster.this.endpoint}"
}

output "ca_certificate" {
  description = "Base64-encoded CA certificate of the API server."
  value       = google_container_cluster.this.master_auth[0].cluster_ca_certificate
}

output "kubeconfig" {
  description = "Kubeconfig without static credentials: the build authenticates with application default credentials itself; kubectl runs gke-gcloud-auth-plugin with the same."
  sensitive   = true
  value = yamlencode({
    apiVersion      = "v1"
    kind            = "Config"
    current-context = google_container_cluster.this.name
    clusters = [{
      name = google_container_cluster.this.name
      cluster = {
        server                     = "https://${google_container_cluster.this.endpoint}"
        certificate-authority-data = google_container_cluster.this.master_auth[0].cluster_ca_certificate
      }
    }]
    contexts = [{
      name = google_container_cluster.this.name
      context = {
        cluster = google_container_cluster.this.name
        user    = google_container_cluster.this.name
      }
    }]
    users = [{
      name = google_container_cluster.this.name
      user = {
        exec = {
          apiVersion = "client.authentication.k8s.io/v1beta1"
          command    = "gke-gcloud-auth-plugin"
          # Application default credentials (as the build uses), not gcloud's own login; the build itself never
          # runs the plugin: it puts a token from the same credentials on its requests.
          args               = ["--use_application_default_credentials"]
          provideClusterInfo = true
          installHint        = "Install gke-gcloud-auth-plugin: gcloud components install gke-gcloud-auth-plugin"
        }
      }
    }]
  })
}

output "nat_address" {
  description = "Egress address of the nodes (null without private nodes): allow-list it where this cluster calls in."
  value       = var.private_nodes ? google_compute_address.nat[0].address : null
}
