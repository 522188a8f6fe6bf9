namespace GitOps.Platform.Helm;

/// <summary>Picks the messages out of helm's human-oriented output.</summary>
internal static class HelmOutput
{
    /// <summary>Each <c>[ERROR]</c> of <c>helm lint</c> with its continuation lines (schema errors span several).</summary>
    public static List<string> LintErrors(string output)
    {
        var errors = new List<string>();
        List<string>? current = null;
        foreach (var line in output.Split('\n').Select(line => line.TrimEnd('\r')))
        {
            if (line.StartsWith('[') || line.Length == 0 || line.StartsWith("==>", StringComparison.Ordinal)
                || line.Contains("chart(s) linted", StringComparison.Ordinal))
            {
                Flush(errors, current);
                current = line.StartsWith("[ERROR]", StringComparison.Ordinal) ? [line["[ERROR]".Length..].Trim()] : null;
                continue;
            }

            current?.Add(line);
        }

        Flush(errors, current);
        return errors;
    }

    /// <summary>helm's first error as one line: helm 4 spreads one error over several indented lines.</summary>
    public static string ErrorSummary(string text)
    {
        var lines = text.Split('\n').Select(line => line.Trim()).SkipWhile(line => line.Length == 0).TakeWhile(line => line.Length > 0);
        var summary = string.Join(' ', lines);
        summary = summary.StartsWith("Error: ", StringComparison.Ordinal) ? summary["Error: ".Length..] : summary;
        return summary.Length == 0 ? "no output" : summary;
    }

    private static void Flush(List<string> errors, List<string>? current)
    {
        if (current is { Count: > 0 })
        {
            errors.Add(string.Join('\n', current));
        }
    }
}
