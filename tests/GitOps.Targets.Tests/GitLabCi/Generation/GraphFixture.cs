using GitOps.Targets.GitLabCi;
using GitOps.Targets.GitLabCi.Generation;

namespace GitOps.Targets.Tests.GitLabCi.Generation;

/// <summary>A target graph shaped like the GitOps build's, and helpers to generate from one lane.</summary>
internal static class GraphFixture
{
    public static IReadOnlyList<TargetDescription> Targets { get; } =
    [
        Target("Prepare"),
        Target("Provision", dependsOn: ["Prepare"], triggers: ["Deploy"]),
        Target("Deploy", dependsOn: ["Prepare"], after: ["Provision"]),
        Target("Smoke", after: ["Deploy"]),
        Target("E2E", dependsOn: ["Prepare"], after: ["Smoke"]),
        Target("Promote", dependsOn: ["E2E"]),
        Target("Destroy", dependsOn: ["Prepare"]),
        Target("Verify"),
    ];

    public static GenerationSettings Settings { get; } = new()
    {
        Stages = ["build", "test", "deploy"],
        DefaultStage = "deploy",
        Targets = new Dictionary<string, TargetJobSettings>
        {
            ["Verify"] = new() { Stage = "build" },
            ["E2E"] = new() { Junit = [".nuke/temp/e2e/*.junit.xml"], Paths = [".nuke/temp/e2e/"], Dotenv = [".nuke/temp/e2e/e2e.env"] },
        },
        NeverArtifacts = [".nuke/temp/**/kubeconfig", ".nuke/temp/secrets/**"],
    };

    public static Lane QaLane(params LaneStep[] steps) => new("qa-gcp")
    {
        Parameters = [new("stage", "qa"), new("cloud", "gcp")],
        Environment = new LaneEnvironment("qa/gcp", "qa-gcp"),
        Steps = steps,
    };

    public static GitLabPipeline Generate(Lane lane, string condition = "$CI_PIPELINE_SOURCE == \"push\"", GenerationSettings? settings = null) =>
        PipelineGenerator.Generate(Targets, [new PipelineDeclaration("p", condition) { Lanes = [lane] }], settings ?? Settings);

    public static GitLabJob Job(this GitLabPipeline pipeline, string target) =>
        pipeline.Jobs.Single(job => job.Name == PipelineGenerator.JobName("p", target, "qa-gcp"));

    public static string[] NeedNames(this GitLabJob job) => [.. (job.Needs ?? []).Select(need => need.Job)];

    private static TargetDescription Target(string name, string[]? dependsOn = null, string[]? after = null, string[]? triggers = null) =>
        new(name, null, dependsOn ?? [], after ?? [], triggers ?? [], Unlisted: false);
}
