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

    /// <exception cref="DotEnvFormatException">Missing, not a regular UTF-8 file, or a line that is no KEY=example (with its line).</exception>
    public static Task<EnvTemplate> ReadAsync(string repositoryRoot, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var path = Path.Combine(repositoryRoot, RelativePath);
        if (Directory.Exists(path))
        {
            throw new DotEnvFormatException($"{RelativePath}: is a directory; it must be the file listing the variables a person sets (# description, then KEY=example)");
        }

        if (!File.Exists(path))
        {
            throw new DotEnvFormatException($"{RelativePath}: not found; it lists the variables a person sets (# description, then KEY=example), restore it from git");
        }

        return Task.FromResult(Parse(DotEnvFile.ReadText(path, RelativePath, "the variable template"), RelativePath));
    }

    /// <param name="text">The template's text.</param>
    /// <param name="fileName">How errors name the file.</param>
    public static EnvTemplate Parse(string text, string fileName = RelativePath)
    {
        ArgumentNullException.ThrowIfNull(text);
        var variables = new List<TemplateVariable>();
        var comments = new List<string>();
        var lines = text.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index].TrimEnd('\r').Trim();
            if (line.StartsWith('#'))
            {
                comments.Add(line.TrimStart('#').Trim());
                continue;
            }

            if (line.Length > 0 && !AssignmentPattern().IsMatch(line))
            {
                // Silently dropping it would hide the variable from ListSensitiveInformation and from masking.
                throw new DotEnvFormatException($"{fileName}:{index + 1}: expected KEY=example with a KEY of letters, digits and _ (not starting with a digit), a # comment or a blank line");
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
