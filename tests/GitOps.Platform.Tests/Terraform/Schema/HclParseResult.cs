using System.Text.Json.Nodes;

namespace GitOps.Platform.Tests.Terraform.Schema;

/// <summary>A parsed file's body in HCL's JSON form, or the parser's error.</summary>
internal sealed record HclParseResult(JsonObject? Body, string? Error);
