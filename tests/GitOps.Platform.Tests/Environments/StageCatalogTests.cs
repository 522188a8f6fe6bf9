using GitOps.Platform.Environments;

namespace GitOps.Platform.Tests.Environments;

public sealed class StageCatalogTests
{
    private static readonly StageCatalog Catalog =
        StageCatalog.Load(Path.Combine(RepositoryRoot.Path, "environments", "stages.yaml"));

    [Fact]
    public void The_repository_catalog_declares_every_stage_once_on_gcp()
    {
        Catalog.Stages.Select(stage => stage.Stage).ShouldBe([Stage.Dev, Stage.Nightly, Stage.Qa, Stage.QaInt, Stage.Prod]);
        Catalog.Environments.Select(environment => environment.ToString())
            .ShouldBe(["dev-gcp", "nightly-gcp", "qa-gcp", "qa-int-gcp", "prod-gcp"]);
        Catalog.Stages.ShouldAllBe(stage => stage.ManagementCloud == Cloud.Gcp);
    }

    [Fact]
    public void Releases_are_promoted_from_dev_to_prod_and_nightly_stays_outside()
    {
        Catalog.PromotionOrder.ShouldBe([Stage.Dev, Stage.Qa, Stage.QaInt, Stage.Prod]);
        Catalog.NextStage(Stage.Dev).ShouldBe(Stage.Qa);
        Catalog.NextStage(Stage.QaInt).ShouldBe(Stage.Prod);
        Catalog.NextStage(Stage.Prod).ShouldBeNull();
        Catalog.NextStage(Stage.Nightly).ShouldBeNull();
        Catalog.PreviousStage(Stage.Qa).ShouldBe(Stage.Dev);
    }

    [Fact]
    public void Only_the_promotion_to_prod_is_manual()
    {
        Catalog.IsPromotionAutomatic(Stage.Dev, Stage.Qa).ShouldBeTrue();
        Catalog.IsPromotionAutomatic(Stage.Qa, Stage.QaInt).ShouldBeTrue();
        Catalog.IsPromotionAutomatic(Stage.QaInt, Stage.Prod).ShouldBeFalse();
        Should.Throw<ArgumentException>(() => Catalog.IsPromotionAutomatic(Stage.Dev, Stage.Prod)).Message
            .ShouldStartWith("dev does not promote to prod; the promotion order is dev -> qa -> qa-int -> prod");
    }

    [Theory]
    [InlineData(Stage.Dev, false)]
    [InlineData(Stage.Nightly, false)]
    [InlineData(Stage.Qa, true)]
    [InlineData(Stage.QaInt, true)]
    [InlineData(Stage.Prod, true)]
    public void Released_stages_require_a_semver(Stage stage, bool required) => Catalog.RequiresSemVer(stage).ShouldBe(required);

    [Fact]
    public void Cluster_names_follow_the_catalog_pattern()
    {
        Catalog.ClusterName(new EnvironmentId(Stage.QaInt, Cloud.Gcp)).ShouldBe("eurodat-qa-int-gcp");
        Catalog.ManagementCloud(Stage.Prod).ShouldBe(Cloud.Gcp);
    }
}
