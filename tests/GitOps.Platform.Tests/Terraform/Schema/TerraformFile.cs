using System.Text.Json.Nodes;

namespace GitOps.Platform.Tests.Terraform.Schema;

/// <summary>One parsed .tf file: its body in HCL's JSON form, where things are in it, and the name findings use.</summary>
internal sealed class TerraformFile(string displayPath, JsonObject body, string text)
{
    private readonly string[] lines = text.Split('\n');

    public string DisplayPath { get; } = displayPath;

    public JsonObject Body { get; } = body;

    public HclOutlineBlock Outline { get; } = HclOutline.Read(text);

    /// <summary>The first line that contains <paramref name="fragment"/>, else <paramref name="fallback"/>.</summary>
    public int LineContaining(string fragment, int fallback)
    {
        var index = Array.FindIndex(lines, line => line.Contains(fragment, StringComparison.Ordinal));
        return index >= 0 ? index + 1 : fallback;
    }
}
