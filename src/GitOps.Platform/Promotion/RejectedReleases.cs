using System.Globalization;
using GitOps.Platform.Promotion.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GitOps.Platform.Promotion;

/// <summary>
/// The quarantine list, committed as <c>environments/rejected-releases.yaml</c>. It lives in git, not under
/// <c>.nuke/temp</c>, because every CI job starts from a fresh checkout: a local record would be forgotten by the next
/// pipeline. Entries are added by merge request (like every other change to the desired state) and lifted by deleting them.
/// </summary>
public sealed class RejectedReleases(IReadOnlyList<RejectedRelease> entries)
{
    public const string RelativePath = "environments/rejected-releases.yaml";

    private const string Header =
        "# Releases whose e2e tests failed. OpenPromotionMR refuses them unless --force; delete an entry (by MR) to lift it.\n";

    public static readonly RejectedReleases None = new([]);

    public IReadOnlyList<RejectedRelease> Entries { get; } = entries;

    /// <summary>
    /// The entry rejecting <paramref name="version"/> at <paramref name="revision"/>: one for the same pair, or one
    /// without a revision (the whole release). A caller that knows no revision matches every entry of the release.
    /// </summary>
    public RejectedRelease? Find(ReleaseVersion version, string? revision = null) =>
        Entries.FirstOrDefault(entry => ReleaseVersion.TryParse(entry.Version, out var rejected) && rejected.Equals(version)
            && (entry.Revision is null || revision is null || entry.Revision == revision));

    /// <summary>Reads the file's text; null or empty text is an empty list.</summary>
    public static RejectedReleases Parse(string? text, string source = RelativePath)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return None;
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text.TrimStart('\uFEFF')));
        }
        catch (YamlException exception)
        {
            throw new ValuesFileException($"{source}:{exception.Start.Line}: is not valid YAML: {exception.Message}", exception);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("rejected"), out var list) || list is YamlScalarNode { Value: null or "" })
        {
            return None;
        }

        if (list is not YamlSequenceNode sequence)
        {
            throw new ValuesFileException($"{source}:{list.Start.Line}: 'rejected' must be a list of entries with version, stage, cloud, reason, recordedAt");
        }

        return new RejectedReleases([.. sequence.Children.Select(node => Read(node, source))]);
    }

    /// <summary>The file's text with <paramref name="entry"/> appended, everything already there kept byte for byte.</summary>
    public static string Append(string? text, RejectedRelease entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var original = string.IsNullOrEmpty(text) ? Header + "rejected:\n" : text;
        var newline = original.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        string[] revision = entry.Revision is null ? [] : [$"    revision: {YamlQuoting.DoubleQuoted(entry.Revision)}"];
        string[] lines =
        [
            $"  - version: {YamlQuoting.DoubleQuoted(entry.Version)}",
            .. revision,
            $"    stage: {YamlQuoting.DoubleQuoted(entry.Stage)}",
            $"    cloud: {YamlQuoting.DoubleQuoted(entry.Cloud)}",
            $"    reason: {YamlQuoting.DoubleQuoted(entry.Reason)}",
            $"    recordedAt: {YamlQuoting.DoubleQuoted(entry.RecordedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture))}",
        ];
        var separator = original.EndsWith('\n') ? string.Empty : newline;
        var appended = original + separator + string.Join(newline, lines) + newline;

        // Appending only works while the list is the file's last, block-style key; say so rather than corrupt it.
        var before = Parse(text).Entries.Count;
        int after;
        try
        {
            after = Parse(appended).Entries.Count;
        }
        catch (ValuesFileException)
        {
            after = -1;
        }

        return after == before + 1 ? appended
            : throw new ValuesFileException($"{RelativePath}:1: cannot add an entry; keep 'rejected:' as the last key, written as a block list");
    }

    private static RejectedRelease Read(YamlNode node, string source)
    {
        string Field(string name) =>
            node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(name), out var value)
                && value is YamlScalarNode { Value: { } text } ? text
                : throw new ValuesFileException($"{source}:{node.Start.Line}: entry needs a scalar '{name}' (version, stage, cloud, reason, recordedAt)");

        var recordedAt = DateTimeOffset.TryParse(Field("recordedAt"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at : DateTimeOffset.MinValue;
        var revision = node is YamlMappingNode entry && entry.Children.TryGetValue(new YamlScalarNode("revision"), out var pinned)
            && pinned is YamlScalarNode { Value: { Length: > 0 } sha } ? sha : null;
        return new RejectedRelease(Field("version"), Field("stage"), Field("cloud"), Field("reason"), recordedAt) { Revision = revision };
    }
}
