using GitOps.Platform.Environments;
using GitOps.Platform.Environments.Pins;
using GitOps.Platform.Environments.Yaml;
using YamlDotNet.RepresentationModel;

namespace GitOps.Platform.Verification.Checks;

/// <summary>
/// GO043: an Application whose sources name one repository at different targetRevisions. Argo CD's repo-server refuses
/// to render it ("cannot reference a different revision of the same repository", argoproj/argo-cd#25605; it compares
/// the normalised repository URLs), so the stage would stop syncing. A promoted stage's pin therefore moves the chart
/// source and the <c>ref: values</c> source together. Checked in every stage's parent and root file; a missing
/// targetRevision counts as HEAD.
/// </summary>
internal static class SourceRevisionRule
{
    public static void Check(VerificationContext context, StageDefinition stage)
    {
        foreach (var path in new[] { EnvironmentLayout.AppOfAppsFile(stage.Stage), EnvironmentLayout.RootFile(stage.Stage) })
        {
            if (context.Files.Exists(path) && YamlFile.Read(context.Files, path, context.Sink) is { } file)
            {
                foreach (var application in file.Documents.Where(document => document.Child("kind").Text() == "Application"))
                {
                    CheckApplication(context, path, application);
                }
            }
        }
    }

    private static void CheckApplication(VerificationContext context, string path, YamlNode application)
    {
        var spec = application.Child("spec");
        var sources = (spec.Child("source") is { } single ? [single] : spec.Child("sources").Items())
            .Where(source => !string.IsNullOrWhiteSpace(source.Child("repoURL").Text())).ToList();
        if (sources.Any(source => source.Child("targetRevision") is { } revision and not YamlScalarNode))
        {
            return; // a targetRevision that is no string: the schema check (GO022) reports it
        }

        foreach (var repository in sources.GroupBy(source => RepositoryUrl.Normalise(source.Child("repoURL").Text()!), StringComparer.Ordinal))
        {
            var first = repository.First();
            foreach (var other in repository.Skip(1).Where(source => Revision(source) != Revision(first)))
            {
                context.Sink.Add(path, (other.Child("targetRevision") ?? other).Line(), RuleIds.SourceRevisionsDiffer,
                    $"Application {application.At("metadata", "name").Text() ?? "(unnamed)"} reads {RepositoryUrl.Shown(first.Child("repoURL").Text())} at '{Revision(other)}' here "
                    + $"and at '{Revision(first)}' on line {(first.Child("targetRevision") ?? first).Line()}; Argo CD refuses sources of one repository at different revisions "
                    + "('cannot reference a different revision of the same repository'): give every source of it the same targetRevision");
            }
        }
    }

    private static string Revision(YamlNode source) => source.Child("targetRevision").Text() is { Length: > 0 } revision ? revision.Trim() : "HEAD";
}
