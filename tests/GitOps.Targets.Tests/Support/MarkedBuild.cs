namespace GitOps.Targets.Tests.Support;

/// <summary>A build whose repositories are recognised by more than <c>.nuke/</c>, as the real one's are.</summary>
internal sealed class MarkedBuild : BuildScript
{
    protected override IReadOnlyList<string> RepositoryMarkers => [".nuke/", "build/", "environments/stages.yaml"];

    internal Target Show => _ => _.Executes(() => BuildRun.Record(Host, "Show"));
}
