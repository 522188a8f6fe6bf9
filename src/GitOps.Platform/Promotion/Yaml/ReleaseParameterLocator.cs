using GitOps.Platform.Environments;

namespace GitOps.Platform.Promotion.Yaml;

/// <summary>
/// Finds, in a stage's <c>app-of-apps-&lt;stage&gt;.yaml</c>, the value of the <c>deployedRelease</c> helm parameter of
/// one Application's chart source (<see cref="ParentReleases"/>): where a promoted environment's release is written.
/// </summary>
internal static class ReleaseParameterLocator
{
    private const char ByteOrderMark = '\uFEFF';

    /// <summary>The value's location, or null when the Application has no such parameter; throws when it is there but unusable.</summary>
    public static ScalarLocation? Find(string text, string application, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var offset = text.Length > 0 && text[0] == ByteOrderMark ? 1 : 0;
        var documents = ScalarLocator.Parse(text[offset..], source)
            .Where(document => document.Child("kind")?.Scalar?.Value == "Application" && document.Child("metadata")?.Child("name")?.Scalar?.Value == application)
            .ToList();
        if (documents.Count != 1)
        {
            throw ScalarLocator.Error(source, documents.Skip(1).FirstOrDefault()?.Event.Start.Line ?? 1,
                $"holds {documents.Count} Applications named {application}; exactly one names its environment's release");
        }

        var spec = documents[0].Child("spec");
        var sources = spec?.Child("sources") is { IsSequence: true } list ? list.Items : spec?.Child("source") is { IsMapping: true } single ? [single] : [];
        var chart = sources.FirstOrDefault(candidate => candidate.Child("ref") is null && candidate.Child("path")?.Scalar?.Value?.Trim().TrimStart('.', '/').TrimEnd('/') == EnvironmentLayout.ChartDirectory);
        var parameters = chart?.Child("helm")?.Child("parameters")?.Items
            .Where(parameter => parameter.Child("name")?.Scalar?.Value == ParentReleases.Parameter).ToList() ?? [];
        if (parameters.Count == 0)
        {
            return null;
        }

        if (parameters.Count > 1 || parameters[0].Child("value") is not { Scalar: not null } value)
        {
            throw ScalarLocator.Error(source, parameters[^1].Event.Start.Line,
                $"Application {application} needs exactly one helm parameter {ParentReleases.Parameter} with a scalar value");
        }

        return ScalarLocator.Locate(text, offset, value, $"{application}: helm.parameters[{ParentReleases.Parameter}].value", source);
    }
}
