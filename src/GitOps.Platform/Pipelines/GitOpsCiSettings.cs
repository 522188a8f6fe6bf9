using GitOps.Targets.GitLabCi;
using GitOps.Targets.GitLabCi.Generation;
using static GitOps.Platform.Pipelines.PipelineTargets;

namespace GitOps.Platform.Pipelines;

/// <summary>Everything of .gitlab-ci.yml besides the jobs: header, workflow, stages, image, caches, retries, reports.</summary>
internal static class GitOpsCiSettings
{
    public const string Image = "mcr.microsoft.com/dotnet/sdk:10.0";

    /// <summary>GIT_DEPTH 0: the job clones the whole history, which holds the promoted stages' pinned commits.</summary>
    private static readonly Dictionary<string, string> FullHistory = new(StringComparer.Ordinal) { ["GIT_DEPTH"] = "0" };

    public static GenerationSettings Create(string fileName, string regenerateCommand) => new()
    {
        // Pipeline variables reach the job's environment and override its variables:, so only the command line can
        // keep BASH_ENV and the loader variables from running code in build.sh's bash before its first line.
        BuildCommand = PipelineStartupVariables.BuildCommand,
        HeaderComment = $"""
            {fileName}: GENERATED from the target graph (build/Build*.cs) and environments/stages.yaml. Do not edit.
            Regenerate with `{regenerateCommand}` and commit the result; Verify fails while this file is stale.
            Every job runs one target: env -u BASH_ENV ... ./build.sh <Target> --stage <stage> --cloud <cloud> [--skip <targets other jobs run>].
            """,
        ChildHeaderComment = $"""
            GENERATED with {fileName} from the target graph (build/Build*.cs) and environments/stages.yaml. Do not edit.
            A child pipeline: a trigger job in {fileName} starts it and holds the environment's resource group until it
            has finished, so its jobs run as one unit. Jobs that apply or destroy also hold the environment's apply
            group, which GitLab takes again when a job is retried. Regenerate with `{regenerateCommand}`.
            """,
        Workflow = new GitLabWorkflow
        {
            // A newer commit cancels only jobs marked interruptible (Verify), never a deployment that has not started
            // yet, as GitLab's conservative default would.
            AutoCancel = new GitLabAutoCancel(GitLabAutoCancelOnNewCommit.Interruptible),
            Rules =
            [
                new GitLabRule { If = PipelineSources.MergeRequest },
                // A branch with an open merge request gets the merge request pipeline only, not a second push pipeline.
                new GitLabRule { If = $"{PipelineSources.Push} && $CI_OPEN_MERGE_REQUESTS", When = GitLabWhen.Never },
                // Started once each (a sync's hook, a platform release, the schedule) and never again for that event:
                // cancelled, the release would go untested and unpromoted, or nightly's environment undestroyed.
                new GitLabRule
                {
                    If = $"{PipelineSources.Schedule} || {PipelineSources.Triggered}",
                    AutoCancel = new GitLabAutoCancel(GitLabAutoCancelOnNewCommit.None),
                },
                new GitLabRule { If = "$CI_COMMIT_BRANCH" },
            ],
        },
        Stages = ["verify", "provision", "deploy", "e2e", "promote", "destroy"],
        Variables = new Dictionary<string, string>
        {
            // Inside the project directory, so the cache below can keep it.
            ["NUGET_PACKAGES"] = "$CI_PROJECT_DIR/.nuget/packages",
        },
        Default = new GitLabDefaults
        {
            Image = Image,
            // The build installs terraform and helm itself, pinned and checksum-verified (.nuke/tool-pins.json), into
            // .nuke/tools, which the cache below keeps between jobs. Node/npm it cannot: Verify's schema check and the
            // tests' gitlab-ci-local come from npm, and the SDK image has none. apt-get runs as root and reads APT_CONFIG
            // and more from its environment, which pipeline variables reach: so it runs with none of the job's.
            BeforeScript = [JobSetupShell.Command("command -v npm >/dev/null || (apt-get update -qq && apt-get install -y -qq npm >/dev/null)")],
            Cache =
            [
                new GitLabCache { KeyFiles = ["Directory.Packages.props", "build/packages.lock.json"], Paths = [".nuget/packages"] },
                new GitLabCache { Key = "tools", Paths = [".nuke/tools"] },
                // build.sh recompiles when its inputs' hash differs from the stamp, so a cached build is never stale.
                new GitLabCache { Key = "compiled-build", Paths = [".nuke/temp/build-bin", ".nuke/temp/build.stamp"] },
            ],
            // Runner trouble only: a failing target stays red at once, and a job that hit its timeout (a Terraform run,
            // a wait on Argo CD) is looked at by a person rather than started again on top of whatever it left.
            Retry = new GitLabRetry(2)
            {
                When = [GitLabRetryWhen.RunnerSystemFailure, GitLabRetryWhen.SchedulerFailure],
            },
            // Jobs change clusters, Terraform state and merge requests: stopping one halfway leaves a lock or half an
            // apply. Only Verify, which changes nothing, says otherwise.
            Interruptible = false,
        },
        Targets = new Dictionary<string, TargetJobSettings>(StringComparer.Ordinal)
        {
            // GitLab clones shallow by default; Verify renders qa, qa-int and prod at their pinned commits and checks
            // that each pin is on main's first-parent line, so it needs the whole history.
            [Verify] = new() { Stage = "verify", Variables = FullHistory },
            [Test] = new() { Stage = "verify", Timeout = TimeSpan.FromMinutes(30) },
            // A link in the merge request widget, not a note: posting one would need an API token in a job that runs
            // the branch's own code.
            // GitLab clones MR pipelines shallow (GIT_DEPTH 20 by default): the MR's diff base must be in the clone.
            [RenderMergeRequestDiff] = new()
            {
                Stage = "verify", Paths = [GitOpsPipelines.MergeRequestDiffDirectory + "/"], ExposeAs = "Rendered manifest diff",
                Variables = new Dictionary<string, string> { ["GIT_DEPTH"] = "0" },
            },
            [Provision] = CloudIdentityJobs.ReachingGoogleCloud(new() { Stage = "provision", Timeout = TimeSpan.FromHours(1) }),
            [DeployAppOfApps] = CloudIdentityJobs.ReachingGoogleCloud(new() { Stage = "deploy", Timeout = TimeSpan.FromMinutes(45) }),
            // A promoted stage's portal URL is read from its values file at the pin, which a shallow clone may not hold.
            [RunE2E] = new() { Stage = "e2e", Junit = [".nuke/temp/e2e/*.junit.xml"], Paths = [".nuke/temp/e2e/"], Variables = FullHistory },
            [OpenPromotionMR] = new() { Stage = "promote", Variables = FullHistory },
            [Destroy] = CloudIdentityJobs.ReachingGoogleCloud(new() { Stage = "destroy", Timeout = TimeSpan.FromHours(1) }),
        },
        NeverArtifacts = [".nuke/temp/**/kubeconfig*", ".nuke/temp/secrets/**", ".nuke/temp/google/**", ".env"],
    };
}
