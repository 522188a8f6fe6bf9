namespace GitOps.Build;

/// <summary>The GitLab pipeline, generated from this target graph (issue 7).</summary>
internal sealed partial class Build
{
    private Target GenerateCI => _ => _
        .Description("Writes .gitlab-ci.yml from the target graph.")
        .Executes(() => throw new TargetNotImplementedException("CI generation lands with issue 7"));
}
