namespace GitOps.Platform.Pipelines;

/// <summary>The build's targets the pipelines run; generation fails if the build stops declaring one of them.</summary>
public static class PipelineTargets
{
    public const string Verify = "Verify";
    public const string Test = "Test";
    public const string RenderMergeRequestDiff = "RenderMergeRequestDiff";
    public const string Provision = "Provision";
    public const string DeployAppOfApps = "DeployAppOfApps";
    public const string RunE2E = "RunE2E";
    public const string OpenPromotionMR = "OpenPromotionMR";
    public const string Destroy = "Destroy";
}
