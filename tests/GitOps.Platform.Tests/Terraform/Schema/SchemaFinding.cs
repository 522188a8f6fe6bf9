namespace GitOps.Platform.Tests.Terraform.Schema;

/// <summary>One mistake in a Terraform file, as <c>file:line: message</c>.</summary>
internal sealed record SchemaFinding(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}
