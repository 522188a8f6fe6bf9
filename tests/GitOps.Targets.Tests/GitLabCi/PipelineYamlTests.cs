namespace GitOps.Targets.Tests.GitLabCi;

public sealed class PipelineYamlTests
{
    [Fact]
    public void Representative_pipeline_matches_its_snapshot() =>
        Snapshot.Match("representative.gitlab-ci.yml", SamplePipelines.Representative().ToYaml());
}
