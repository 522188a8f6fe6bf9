using System.Text;
using System.Text.RegularExpressions;
using GitOps.Platform.Environments.Pins;
using GitOps.Platform.Environments.Yaml;

namespace GitOps.Platform.Environments;

/// <summary>
/// Reads (and rewrites) the pin of a promoted stage: the targetRevision of the source whose path is charts/app-of-apps
/// in the Application documents of <c>environments/&lt;stage&gt;/app-of-apps-&lt;stage&gt;.yaml</c>. It must be a full
/// 40-hex commit SHA of this repository, because a tag or a branch can move without a merge request; every cloud's
/// Application of the stage names the same one, because a stage runs one revision. The <c>ref: values</c> source of the
/// same repository sits at the same commit: Argo CD refuses one repository at two revisions, and the stage's values are
/// configuration the pin fixes too (its release is a helm parameter in the parent file, <see cref="ParentReleases"/>).
/// Stages that receive no promotion (dev, nightly) follow branches and have no pin.
/// </summary>
public static partial class ConfigurationPins
{
    private const string Allowed = "a promoted stage's pin is a full 40-hex commit SHA of this repository (a branch or a tag can move, a commit cannot); it moves only through the promotion merge request";

    /// <summary>Whether the revision is a full, lower-case commit SHA (what a pin must be).</summary>
    public static bool IsFullSha(string? revision) => revision is not null && FullSha().IsMatch(revision);

    /// <summary>
    /// The pin of <paramref name="stage"/> as the app-of-apps file under <paramref name="repositoryRoot"/> says, or null
    /// when the stage follows a branch (<see cref="StageCatalog.IsPinned"/> is false: dev, nightly).
    /// </summary>
    /// <exception cref="ConfigurationPinException">The file is missing or unreadable, or its pin is not one full SHA (file:line).</exception>
    public static ConfigurationPin? Read(string repositoryRoot, StageCatalog catalog, Stage stage)
    {
        ArgumentException.ThrowIfNullOrEmpty(repositoryRoot);
        ArgumentNullException.ThrowIfNull(catalog);
        if (!catalog.IsPinned(stage))
        {
            return null;
        }

        var file = EnvironmentLayout.AppOfAppsFile(stage);
        var path = EnvironmentLayout.Resolve(repositoryRoot, file);
        if (!File.Exists(path))
        {
            throw new ConfigurationPinException([new ConfigurationPinError(file, 0, $"not found; stage {stage.ToName()} is promoted and its parent Applications there name its pin")]);
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationPinException([new ConfigurationPinError(file, 0, $"cannot be read: {error.Message}")]);
        }

        return Parse(text, file, stage);
    }

    /// <summary>
    /// The pin written in an app-of-apps file's text, e.g. as it was at another revision (<c>git show</c>). Does not ask
    /// whether the stage is promoted: call it for stages that are.
    /// </summary>
    /// <param name="yaml">The file's text.</param>
    /// <param name="file">How errors name the file, e.g. <c>environments/qa/app-of-apps-qa.yaml</c>.</param>
    /// <param name="stage">The stage the file belongs to.</param>
    /// <exception cref="ConfigurationPinException">The text does not name exactly one full SHA (every error, with file:line).</exception>
    public static ConfigurationPin Parse(string yaml, string file, Stage stage) =>
        TryParse(yaml, file, stage, out var pin, out var errors) ? pin : throw new ConfigurationPinException(errors);

    /// <summary>As <see cref="Parse"/>, returning the errors instead of throwing (Verify reports them as findings).</summary>
    public static bool TryParse(
        string yaml, string file, Stage stage, out ConfigurationPin pin, out IReadOnlyList<ConfigurationPinError> errors)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentException.ThrowIfNullOrEmpty(file);
        pin = null!;
        var found = new List<ConfigurationPinError>();
        errors = found;
        if (!YamlText.TryLoad(yaml, out var stream, out var errorLine, out var error))
        {
            found.Add(new ConfigurationPinError(file, errorLine, $"is not valid YAML ({error}), so stage {stage.ToName()}'s pin cannot be read"));
            return false;
        }

        var sources = ChartSources.In(stream);
        if (sources.Count == 0)
        {
            found.Add(new ConfigurationPinError(file, 0, $"no Application has a source with path {EnvironmentLayout.ChartDirectory}; its targetRevision is stage {stage.ToName()}'s pin"));
            return false;
        }

        ConfigurationPin? first = null;
        foreach (var source in sources)
        {
            var revision = source.Revision?.Value ?? string.Empty;
            var line = (source.Source.Child("targetRevision") ?? source.Source).Line();
            if (!IsFullSha(revision))
            {
                var shown = source.Revision is not null ? $"targetRevision '{revision}'"
                    : source.Source.Child("targetRevision") is null ? "no targetRevision (Argo CD reads HEAD)" : "a targetRevision that is not one value";
                found.Add(new ConfigurationPinError(file, line, $"Application {source.ApplicationName} renders {EnvironmentLayout.ChartDirectory} at {shown}; {Allowed}"));
            }
            else if (first is null)
            {
                first = new ConfigurationPin(stage, revision, file, line);
            }
            else if (first.Sha != revision)
            {
                found.Add(new ConfigurationPinError(file, line, $"Application {source.ApplicationName} pins {revision} but line {first.Line} pins {first.Sha}; stage {stage.ToName()} runs one revision on every cloud"));
            }
        }

        if (found.Count > 0 || first is null)
        {
            return false;
        }

        pin = first;
        return true;
    }

    /// <summary>
    /// The app-of-apps file's text with every chart source's targetRevision, and that of every other source of the same
    /// repository (<c>ref: values</c>), set to <paramref name="sha"/>, everything else (comments, line endings) unchanged. A source without targetRevision gets none
    /// added: <see cref="Parse"/> refuses such a file, so fix it by hand first.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="sha"/> is not a full SHA.</exception>
    /// <exception cref="ConfigurationPinException">The text has no chart source with a targetRevision, or is not YAML.</exception>
    public static string WithPin(string yaml, string file, string sha)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentException.ThrowIfNullOrEmpty(file);
        if (!IsFullSha(sha))
        {
            throw new ArgumentException($"'{sha}' is not a full 40-hex commit SHA; {Allowed}", nameof(sha));
        }

        if (!YamlText.TryLoad(yaml, out var stream, out var errorLine, out var error))
        {
            throw new ConfigurationPinException([new ConfigurationPinError(file, errorLine, $"is not valid YAML ({error}); its pin cannot be moved")]);
        }

        var revisions = ChartSources.PinnedRevisions(stream).OrderByDescending(node => node.Start.Index).ToList();
        if (revisions.Count == 0)
        {
            throw new ConfigurationPinException([new ConfigurationPinError(file, 0, $"no source with path {EnvironmentLayout.ChartDirectory} has a targetRevision to move")]);
        }

        var text = new StringBuilder(yaml);
        foreach (var node in revisions)
        {
            var start = checked((int)node.Start.Index);
            var length = checked((int)(node.End.Index - node.Start.Index));
            text.Remove(start, length).Insert(start, Scalar(sha, node.Style));
        }

        return text.ToString();
    }

    // A SHA of digits and at most one 'e' would read as a number in YAML; quote it then, and keep quotes that were there.
    private static string Scalar(string sha, YamlDotNet.Core.ScalarStyle style) => style switch
    {
        YamlDotNet.Core.ScalarStyle.SingleQuoted => $"'{sha}'",
        YamlDotNet.Core.ScalarStyle.DoubleQuoted => $"\"{sha}\"",
        _ when NumberLike().IsMatch(sha) => $"\"{sha}\"",
        _ => sha,
    };

    [GeneratedRegex("^[0-9a-f]{40}$", RegexOptions.CultureInvariant)]
    private static partial Regex FullSha();

    [GeneratedRegex("^[0-9]*e?[0-9]*$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberLike();
}
