using System.Text.RegularExpressions;

namespace GitOps.Platform.Terraform.Internal;

/// <summary>Reads top-level string assignments (<c>name = "value"</c>) of a tfvars file; enough for the values the build checks.</summary>
internal static partial class TfvarsFile
{
    public static string? StringValue(string path, string name) =>
        File.ReadLines(path).Select(line => Assignment().Match(line))
            .FirstOrDefault(match => match.Success && match.Groups["name"].Value == name)?.Groups["value"].Value;

    [GeneratedRegex("""^\s*(?<name>[A-Za-z_][A-Za-z0-9_-]*)\s*=\s*"(?<value>[^"]*)"\s*(#.*)?$""")]
    private static partial Regex Assignment();
}
