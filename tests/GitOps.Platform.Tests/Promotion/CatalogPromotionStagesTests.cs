using GitOps.Platform.Environments;
using GitOps.Platform.Promotion;

namespace GitOps.Platform.Tests.Promotion;

/// <summary>The stage catalog adapted to what promotion asks: next stage, values files, code-owner approval.</summary>
public sealed class CatalogPromotionStagesTests
{
    private static readonly CatalogPromotionStages Repository = CatalogPromotionStages.Load(RepositoryRoot.Path);

    [Theory]
    [InlineData("dev", "qa")]
    [InlineData("qa", "qa-int")]
    [InlineData("qa-int", "prod")]
    [InlineData("prod", null)]
    [InlineData("nightly", null)]
    public void Next_stage_follows_the_promotion_order_and_ends_at_prod_and_nightly(string stage, string? next) =>
        Repository.NextStage(stage).ShouldBe(next);

    [Fact]
    public void Values_files_are_the_stage_folder_files_of_each_cloud_and_exist()
    {
        var files = Repository.ValuesFiles("qa-int");

        files.ShouldBe([("gcp", "environments/qa-int/values-qa-int-gcp.yaml")]);
        File.Exists(Path.Combine(RepositoryRoot.Path, files[0].Path)).ShouldBeTrue();
    }

    [Fact]
    public void Only_prod_which_is_promoted_to_by_hand_needs_code_owner_approval()
    {
        EnvironmentNames.StageNames.Where(Repository.RequiresCodeOwnerApproval).ShouldBe(["prod"]);
    }

    [Fact]
    public void A_platform_release_enters_qa() => Repository.ReleaseEntryStage.ShouldBe("qa");

    [Fact]
    public void Code_owner_approval_follows_the_manual_trigger_not_the_stage_name()
    {
        var yaml = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "environments", "stages.yaml"))
            .Replace("to: prod\n    trigger: manual", "to: prod\n    trigger: e2e-passed", StringComparison.Ordinal)
            .Replace("to: qa-int\n    trigger: e2e-passed", "to: qa-int\n    trigger: manual", StringComparison.Ordinal);
        var catalog = new CatalogPromotionStages(StageCatalog.Parse(yaml, "stages.yaml"));

        catalog.RequiresCodeOwnerApproval("prod").ShouldBeFalse();
        catalog.RequiresCodeOwnerApproval("qa-int").ShouldBeTrue();
    }

    [Fact]
    public void An_unknown_stage_is_a_usage_error_naming_the_allowed_ones()
    {
        var refusal = Should.Throw<PromotionRefusedException>(() => Repository.NextStage("staging"));

        refusal.IsUsageError.ShouldBeTrue();
        refusal.Message.ShouldBe("unknown stage 'staging'; allowed: dev, nightly, qa, qa-int, prod");
    }
}
