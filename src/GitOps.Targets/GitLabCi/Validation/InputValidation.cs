using System.Text.RegularExpressions;
using GitOps.Targets.GitLabCi.Yaml;

namespace GitOps.Targets.GitLabCi.Validation;

/// <summary>
/// The <c>spec:inputs</c> header as GitLab checks it when a pipeline is created: names, a default every pipeline can
/// use (it must be one of the options and match the pattern, and not be empty where there is a pattern: GitLab before
/// gitlab-org/gitlab!192082 matched no empty string, so every pipeline that passes none would be invalid), and no
/// <c>$[[ inputs.x ]]</c> naming an input the file does not declare (GitLab refuses the whole file: "unknown
/// interpolation key"). An input inside a <c>rules:if</c> is substituted into the expression's text, so it must be
/// unable to carry a quote, a <c>$</c> or whitespace out of its string literal: it needs options, or a pattern that
/// refuses those characters.
/// </summary>
internal static partial class InputValidation
{
    private static readonly string[] UnsafeCharacters = ["\"", "'", "$", " ", "\t", "\n"];

    public static void Check(GitLabPipeline pipeline, List<string> errors)
    {
        var declared = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in pipeline.Inputs)
        {
            if (!Name().IsMatch(input.Name))
            {
                errors.Add($"input '{input.Name}': the name is invalid; use letters, digits, '_' and '-'");
            }
            else if (!declared.Add(input.Name))
            {
                errors.Add($"input '{input.Name}': declared more than once");
            }

            if (input.Regex is not null && input.Default.Length == 0)
            {
                errors.Add($"input '{input.Name}': an empty default with a regex is refused by GitLab before gitlab-org/gitlab!192082 (an empty value never matched): "
                    + "give it a non-empty default the regex matches, such as 'none'");
            }

            CheckValue(input, input.Default, "its default", errors);
            foreach (var option in input.Options)
            {
                CheckValue(input with { Options = [] }, option, $"option '{option}'", errors);
            }
        }

        // The text GitLab interpolates: everything after the header (written only when the rest is valid: the writer expects that).
        if (errors.Count > 0)
        {
            return;
        }

        CheckRuleOperands(pipeline, errors);
        var configuration = PipelineYamlWriter.Write(pipeline with { Inputs = [] });
        foreach (var name in Reference().Matches(configuration).Select(match => match.Groups["name"].Value).Distinct(StringComparer.Ordinal))
        {
            if (!declared.Contains(name))
            {
                errors.Add(pipeline.Inputs.Count == 0
                    ? $"'$[[ inputs.{name} ]]' is used, but this file declares no inputs (a child pipeline gets none from its trigger job)"
                    : $"'$[[ inputs.{name} ]]' is used, but no input '{name}' is declared; declared: {string.Join(", ", declared)}");
            }
        }
    }

    /// <summary>
    /// Every input a <c>rules:if</c> reads has options, or a regex that matches none of its default with a quote, a
    /// <c>$</c> or whitespace put before, inside or after it (a probe, not a proof: write patterns from character classes).
    /// </summary>
    private static void CheckRuleOperands(GitLabPipeline pipeline, List<string> errors)
    {
        var inputs = pipeline.Inputs.ToDictionary(input => input.Name, StringComparer.Ordinal);
        var conditions = (pipeline.Workflow?.Rules ?? []).Concat(pipeline.Jobs.SelectMany(job => job.Rules)).Select(rule => rule.If).OfType<string>();
        var used = conditions.SelectMany(condition => Reference().Matches(condition).Select(match => match.Groups["name"].Value)).Distinct(StringComparer.Ordinal);
        foreach (var name in used)
        {
            if (!inputs.TryGetValue(name, out var input) || input.Options.Count > 0)
            {
                continue;
            }

            var escape = input.Regex is { } pattern ? Escapes(pattern, input.Default) : null;
            if (input.Regex is null || escape is not null)
            {
                errors.Add($"input '{name}' is used in a rules:if, so its value becomes part of the expression: give it options, "
                    + (input.Regex is null ? "or a regex that refuses quotes, '$' and whitespace" : $"or a regex that refuses quotes, '$' and whitespace ('{input.Regex}' matches {escape})"));
            }
        }
    }

    private static string? Escapes(string pattern, string sample)
    {
        Regex regex;
        try
        {
            // RE2's '$' (GitLab's engine) is the end of the text; .NET's also matches before a final newline.
            regex = new Regex(EndOfText().Replace(pattern, @"\z"), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            return null; // reported with the default
        }

        var middle = sample.Length / 2;
        return UnsafeCharacters
            .SelectMany(character => new[] { character, character + sample, sample[..middle] + character + sample[middle..], sample + character })
            .Select(probe => regex.IsMatch(probe) ? $"'{probe.Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal)}'" : null)
            .FirstOrDefault(found => found is not null);
    }

    private static void CheckValue(GitLabInput input, string value, string what, List<string> errors)
    {
        if (input.Options.Count > 0 && !input.Options.Contains(value, StringComparer.Ordinal))
        {
            errors.Add($"input '{input.Name}': {what} '{value}' is not one of its options ({string.Join(", ", input.Options.Select(option => $"'{option}'"))})");
        }

        if (input.Regex is not { } pattern)
        {
            return;
        }

        Regex regex;
        try
        {
            regex = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException exception)
        {
            errors.Add($"input '{input.Name}': regex '{pattern}' is invalid: {exception.Message}");
            return;
        }

        if (!regex.IsMatch(value))
        {
            errors.Add($"input '{input.Name}': {what} '{value}' does not match its regex '{pattern}'");
        }
    }

    [GeneratedRegex(@"(?<!\\)\$", RegexOptions.CultureInvariant)]
    private static partial Regex EndOfText();

    [GeneratedRegex("^[A-Za-z0-9_-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Name();

    [GeneratedRegex(@"\$\[\[\s*inputs\.(?<name>[A-Za-z0-9_-]+)", RegexOptions.CultureInvariant)]
    private static partial Regex Reference();
}
