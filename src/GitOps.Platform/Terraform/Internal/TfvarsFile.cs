using System.Text.RegularExpressions;

namespace GitOps.Platform.Terraform.Internal;

/// <summary>Reads top-level string assignments (<c>name = "value"</c>) of a tfvars file; enough for the values the build checks.</summary>
internal static partial class TfvarsFile
{
    public static string? StringValue(string path, string name) => StringValueWithLine(path, name).Value;

    /// <summary>The value and its 1-based line number; (null, 0) when the file does not set it.</summary>
    public static (string? Value, int Line) StringValueWithLine(string path, string name)
    {
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            var match = Assignment().Match(line);
            if (match.Success && match.Groups["name"].Value == name)
            {
                return (match.Groups["value"].Value, number);
            }
        }

        return (null, 0);
    }

    [GeneratedRegex("""^\s*(?<name>[A-Za-z_][A-Za-z0-9_-]*)\s*=\s*"(?<value>[^"]*)"\s*(#.*)?$""")]
    private static partial Regex Assignment();
}
