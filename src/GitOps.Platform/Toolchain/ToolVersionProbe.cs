using System.Globalization;
using System.Text.RegularExpressions;
using GitOps.Targets.Tooling;

namespace GitOps.Platform.Toolchain;

/// <summary>Asks an executable for its version and reads the first <c>x.y.z</c> it prints (<c>Terraform v1.11.4</c>, <c>v4.1.4+g…</c>).</summary>
public static partial class ToolVersionProbe
{
    /// <summary>The version, or null when the executable does not run or prints none.</summary>
    public static async Task<Version?> ProbeAsync(IToolRunner runner, string executable, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ToolResult result;
        try
        {
            result = await runner.RunAsync(
                new ToolInvocation(executable, arguments) { StreamOutput = false, ThrowOnFailure = false, Timeout = TimeSpan.FromSeconds(30) },
                cancellationToken);
        }
        catch (ToolFailedException)
        {
            return null;
        }

        return result.Succeeded ? Parse(result.StandardOutput) : null;
    }

    public static Version? Parse(string? output)
    {
        var match = Semantic().Match(output ?? string.Empty);
        return match.Success
            ? new Version(
                int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture),
                int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture),
                int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture))
            : null;
    }

    [GeneratedRegex(@"(\d{1,6})\.(\d{1,6})\.(\d{1,6})")]
    private static partial Regex Semantic();
}
