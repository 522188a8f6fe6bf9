using GitOps.Platform.Environments;
using GitOps.Platform.Pipelines;

namespace GitOps.Platform.Tests.Pipelines;

/// <summary>
/// GitLab's Environments "Stop" plays the stop job of the pipeline that deployed last (gitlab-org/gitlab!84922); for
/// qa, qa-int and prod that pipeline is usually behind main, and its Destroy refuses. The refusal says which job to play
/// in the newest main pipeline, and where.
/// </summary>
public sealed class NewestPipelineJobTests
{
    [Fact]
    public void The_advice_names_the_job_and_the_branchs_pipelines_page_without_credentials()
    {
        var job = new NewestPipelineJob("main:Destroy:prod-gcp", new Uri("https://gitlab-ci-token:canary-secret@gitlab.example/group/project/?private_token=canary-query"));

        var advice = job.Advice("main");

        advice.ShouldBe("play main:Destroy:prod-gcp in the newest main pipeline (https://gitlab.example/group/project/-/pipelines?ref=main)");
        advice.ShouldNotContain("canary");
    }

    [Fact]
    public void Without_a_job_or_a_project_page_the_advice_stays_general()
    {
        new NewestPipelineJob(null, null).Advice("trunk").ShouldBe("run the job in the newest trunk pipeline");
    }

    [Fact]
    public void A_stale_destroy_names_the_default_branchs_destroy_and_a_stale_deploy_its_deploy()
    {
        var catalog = StageCatalog.Load(Path.Combine(RepositoryRoot.Find(), EnvironmentLayout.StagesFile));

        GitOpsPipelines.ManualJob(catalog, new EnvironmentId(Stage.Prod, Cloud.Gcp), PipelineTargets.Destroy).ShouldBe("main:Destroy:prod-gcp");
        GitOpsPipelines.ManualJob(catalog, new EnvironmentId(Stage.Qa, Cloud.Gcp), PipelineTargets.Provision).ShouldBe("main:Deploy:qa-gcp");
        GitOpsPipelines.ManualJob(catalog, new EnvironmentId(Stage.Nightly, Cloud.Gcp), PipelineTargets.Destroy).ShouldBe("main:Destroy:nightly-gcp");
        // nightly deploys only on its schedule: there is no default-branch job to name.
        GitOpsPipelines.ManualJob(catalog, new EnvironmentId(Stage.Nightly, Cloud.Gcp), PipelineTargets.DeployAppOfApps).ShouldBeNull();
    }
}
