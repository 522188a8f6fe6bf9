using GitOps.Platform.Environments;

namespace GitOps.Platform.Tests.Environments;

/// <summary>Every catalog mistake is reported with its line, all of them at once.</summary>
public sealed class StageCatalogErrorTests
{
    private const string File = "environments/stages.yaml";

    private const string Valid = """
        clusterName: eurodat-{stage}-{cloud}
        stages:
          - name: dev
            clouds: [gcp]
            managementCloud: gcp
            deployedRelease: branch
          - name: nightly
            clouds: [gcp]
            managementCloud: gcp
            deployedRelease: branch
            outsidePromotions: true
          - name: qa
            clouds: [gcp]
            managementCloud: gcp
            deployedRelease: semver
          - name: qa-int
            clouds: [gcp]
            managementCloud: gcp
            deployedRelease: semver
          - name: prod
            clouds: [gcp]
            managementCloud: gcp
            deployedRelease: semver
        promotions:
          - from: dev
            to: qa
            trigger: platform-release
          - from: qa
            to: qa-int
            trigger: e2e-passed
          - from: qa-int
            to: prod
            trigger: manual
        """;

    [Fact]
    public void The_valid_catalog_loads() => StageCatalog.Parse(Valid, File).Environments.Count.ShouldBe(5);

    [Fact]
    public void An_unknown_key_is_reported_at_its_line() =>
        Errors(Valid.Replace("    deployedRelease: semver\n  - name: prod", "    deployedRelease: semver\n    colour: blue\n  - name: prod", StringComparison.Ordinal))
            .ShouldBe(["environments/stages.yaml:20: unknown key 'colour' in a stage; allowed: name, clouds, managementCloud, deployedRelease, outsidePromotions"]);

    [Fact]
    public void A_missing_stage_is_reported_at_the_stages_key()
    {
        var withoutNightly = Valid.Replace(
            "  - name: nightly\n    clouds: [gcp]\n    managementCloud: gcp\n    deployedRelease: branch\n    outsidePromotions: true\n",
            string.Empty,
            StringComparison.Ordinal);
        Errors(withoutNightly).ShouldBe(["environments/stages.yaml:2: stage 'nightly' is missing; the catalog must declare every stage: dev, nightly, qa, qa-int, prod"]);
    }

    [Fact]
    public void A_stage_the_build_does_not_know_is_rejected() =>
        Errors(Valid.Replace("name: nightly", "name: staging", StringComparison.Ordinal)).ShouldBe(
        [
            "environments/stages.yaml:2: stage 'nightly' is missing; the catalog must declare every stage: dev, nightly, qa, qa-int, prod",
            "environments/stages.yaml:7: unknown stage 'staging'; allowed: dev, nightly, qa, qa-int, prod",
        ]);

    [Fact]
    public void A_duplicate_stage_names_the_first_declaration() =>
        Errors(Valid.Replace("name: nightly", "name: dev", StringComparison.Ordinal)).ShouldContain(
            "environments/stages.yaml:7: stage 'dev' is declared twice (first at line 3)");

    [Fact]
    public void A_cycle_is_named_as_a_path_at_the_promotion_closing_it() =>
        Errors(Valid + "\n  - from: prod\n    to: dev\n    trigger: manual").ShouldBe(
            ["environments/stages.yaml:34: the promotion order has a cycle: dev -> qa -> qa-int -> prod -> dev"]);

    [Fact]
    public void A_gap_names_the_stage_nothing_promotes_to() =>
        Errors(Valid.Replace("  - from: qa\n    to: qa-int\n    trigger: e2e-passed\n", string.Empty, StringComparison.Ordinal)).ShouldBe(
        [
            "environments/stages.yaml:16: gap in the promotion order: no stage promotes to 'qa-int' (chains: dev -> qa and qa-int -> prod); add a promotion or mark the stage outsidePromotions: true",
        ]);

    [Fact]
    public void A_stage_outside_promotions_cannot_be_promoted() =>
        Errors(Valid.Replace("from: dev", "from: nightly", StringComparison.Ordinal)).ShouldContain(
            "environments/stages.yaml:25: stage 'nightly' is outside promotions (outsidePromotions: true) and cannot appear in 'from'");

    [Fact]
    public void Branching_promotions_are_rejected() =>
        Errors(Valid + "\n  - from: dev\n    to: nightly\n    trigger: manual".Replace("nightly", "prod", StringComparison.Ordinal)).ShouldContain(
            "environments/stages.yaml:34: stage 'dev' already promotes to 'qa' (line 25); the promotion order must be a single chain");

    [Fact]
    public void Every_mistake_is_reported_at_once()
    {
        var broken = Valid
            .Replace("clouds: [gcp]\n    managementCloud: gcp\n    deployedRelease: branch\n    outsidePromotions", "clouds: [aws]\n    managementCloud: gcp\n    deployedRelease: branch\n    outsidePromotions", StringComparison.Ordinal)
            .Replace("trigger: manual", "trigger: someday", StringComparison.Ordinal);
        Errors(broken).ShouldBe(
        [
            "environments/stages.yaml:8: unknown cloud 'aws'; allowed: gcp",
            "environments/stages.yaml:33: 'trigger' must be one of platform-release, e2e-passed, manual, not 'someday'",
        ]);
    }

    [Fact]
    public void Invalid_yaml_is_reported_at_its_line() =>
        Errors(Valid.Replace("clouds: [gcp]\n    managementCloud: gcp\n    deployedRelease: semver\n  - name: prod", "clouds: [gcp\n  - name: prod", StringComparison.Ordinal))
            .Single().ShouldStartWith("environments/stages.yaml:");

    private static List<string> Errors(string yaml) =>
        [.. Should.Throw<CatalogException>(() => StageCatalog.Parse(yaml, File)).Errors.Select(error => error.ToString())];
}
