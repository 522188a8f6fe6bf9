namespace GitOps.Platform.Promotion;

/// <summary>
/// The file that holds one environment's release: its cloud, its path relative to the repository root, its text. For a
/// stage that follows a branch (dev, nightly) that is <c>values-&lt;stage&gt;-&lt;cloud&gt;.yaml</c> and its top-level
/// <c>deployedRelease</c>; for a promoted stage it is the parent file, <c>app-of-apps-&lt;stage&gt;.yaml</c>, and the
/// <c>deployedRelease</c> helm parameter of <see cref="Application"/> (<see cref="Environments.ParentReleases"/>).
/// </summary>
public sealed record StageValuesFile(string Cloud, string Path, string Text)
{
    /// <summary>The parent Application whose helm parameter is the release; null where the values file holds it.</summary>
    public string? Application { get; init; }

    /// <summary>How messages name where the release is written.</summary>
    public string ReleaseKey => Application is null ? ValuesFileEditor.DeployedRelease : $"{Application} helm parameter {ValuesFileEditor.DeployedRelease}";

    /// <summary>Reads the file without decoding away a BOM or line endings, so an edit can keep them.</summary>
    public static async Task<StageValuesFile> ReadAsync(string repositoryRoot, string cloud, string relativePath, CancellationToken cancellationToken) =>
        new(cloud, relativePath.Replace('\\', '/'), await ValuesFileText.ReadAsync(System.IO.Path.Combine(repositoryRoot, relativePath), cancellationToken));

    /// <summary>The release this file's text names.</summary>
    /// <exception cref="ValuesFileException">It names none, or an unusable one (file:line).</exception>
    public string ReadRelease() => ReadRelease(Text, Path);

    /// <summary>The release another revision's text of this file names (<paramref name="source"/> names it in errors).</summary>
    public string ReadRelease(string text, string source) =>
        TryReadRelease(text, source) ?? throw Yaml.ScalarLocator.Error(source, 1, Application is null
            ? $"'{ValuesFileEditor.DeployedRelease}' is missing; add it as a top-level scalar"
            : $"Application {Application} has no helm parameter {ValuesFileEditor.DeployedRelease}; add parameters: [{{name: {ValuesFileEditor.DeployedRelease}, value: \"1.4.2\", forceString: true}}] to its chart source");

    /// <summary>As <see cref="ReadRelease(string, string)"/>, null when the text names no release.</summary>
    public string? TryReadRelease(string text, string source) => Application is null
        ? ValuesFileEditor.TryReadScalar(text, ValuesFileEditor.DeployedRelease, source)
        : Yaml.ReleaseParameterLocator.Find(text, Application, source)?.Value;

    /// <summary>The text with the release set to <paramref name="release"/>, everything else unchanged.</summary>
    public string WithRelease(string text, string release)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(release);
        if (Application is null)
        {
            return ValuesFileEditor.SetScalar(text, ValuesFileEditor.DeployedRelease, release, Path);
        }

        var location = Yaml.ReleaseParameterLocator.Find(text, Application, Path)
            ?? throw Yaml.ScalarLocator.Error(Path, 1, $"Application {Application} has no helm parameter {ValuesFileEditor.DeployedRelease} to move");
        if (location.Value == release)
        {
            return text;
        }

        // A plain 1.10 would reach Argo CD as a number: a release in the parent file is always quoted.
        var rendered = location.Style == YamlDotNet.Core.ScalarStyle.Plain ? Yaml.YamlQuoting.DoubleQuoted(release) : ValuesFileEditor.Render(release, location.Style);
        var edited = string.Concat(text.AsSpan(0, location.ContentStart), rendered, text.AsSpan(location.ContentEnd));
        return Yaml.ReleaseParameterLocator.Find(edited, Application, Path)?.Value == release ? edited
            : throw Yaml.ScalarLocator.Error(Path, location.Line, $"'{release}' cannot be written as {Application}'s release; quote the value in the file");
    }
}
