using System.Text.RegularExpressions;

namespace GitOps.Platform.Secrets;

/// <summary>
/// The developer-facing list of hand-set variables, read from <c>environments/env.template</c>: each <c>KEY=example</c>
/// line with the comment lines right above it as its description; <c>[required]</c> and <c>[secret]</c> in the
/// description mark what must be set and what must be masked.
/// </summary>
public sealed partial class EnvTemplate(IReadOnlyList<TemplateVariable> variables)
{
    public const string RelativePath = "environments/env.template";

    public IReadOnlyList<TemplateVariable> Variables { get; } = variables;

    public bool IsSecret(string key) => Variables.FirstOrDefault(variable => variable.Key == key)?.Secret ?? true;

    public static async Task<EnvTemplate> ReadAsync(string repositoryRoot, CancellationToken cancellationToken)
    {
        var path = Path.Combine(repositoryRoot, RelativePath);
        return Parse(await File.ReadAllTextAsync(path, cancellationToken));
    }

    public static EnvTemplate Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var variables = new List<TemplateVariable>();
        var comments = new List<string>();
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r').Trim();
            if (line.StartsWith('#'))
            {
                comments.Add(line.TrimStart('#').Trim());
                continue;
            }

            if (AssignmentPattern().Match(line) is { Success: true } match)
            {
                var description = string.Join(' ', comments.Where(comment => comment.Length > 0));
                var required = description.Contains("[required]", StringComparison.Ordinal);
                var secret = description.Contains("[secret]", StringComparison.Ordinal);
                var plain = TagPattern().Replace(description, string.Empty).Trim();
                variables.Add(new TemplateVariable(match.Groups[1].Value, plain, required, secret));
            }

            comments.Clear();
        }

        return new EnvTemplate(variables);
    }

    [GeneratedRegex(@"^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=")]
    private static partial Regex AssignmentPattern();

    [GeneratedRegex(@"\s*\[(required|secret)\]")]
    private static partial Regex TagPattern();
}
