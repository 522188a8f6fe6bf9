output "email" {
  description = "Email of the service account."
  value       = google_service_account.this.email
}

output "name" {
  description = "Resource name of the service account (projects/<project>/serviceAccounts/<email>), for IAM bindings on it."
  value       = google_service_account.this.name
}
