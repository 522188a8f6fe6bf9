using System.Text.RegularExpressions;
using GitOps.Targets.GitLabCi.Yaml;

namespace GitOps.Targets.GitLabCi.Validation;

/// <summary>
/// The <c>spec:inputs</c> header as GitLab checks it when a pipeline is created: names, a default every pipeline can
/// use (it must be one of the options and match the pattern), and no <c>$[[ inputs.x ]]</c> naming an input the file
/// does not declare (GitLab refuses the whole file: "unknown interpolation key").
/// </summary>
internal static partial class InputValidation
{
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

    [GeneratedRegex("^[A-Za-z0-9_-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Name();

    [GeneratedRegex(@"\$\[\[\s*inputs\.(?<name>[A-Za-z0-9_-]+)", RegexOptions.CultureInvariant)]
    private static partial Regex Reference();
}
