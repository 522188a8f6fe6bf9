namespace GitOps.Platform.Tests.Terraform.Schema;

/// <summary>A block inside a resource's block; <see cref="Required"/> when at least one must be written.</summary>
internal sealed record NestedBlock(bool Required, SchemaBlock Block);
