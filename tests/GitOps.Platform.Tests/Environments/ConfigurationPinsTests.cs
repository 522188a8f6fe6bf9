using GitOps.Platform.Environments;

namespace GitOps.Platform.Tests.Environments;

public sealed class ConfigurationPinsTests
{
    private const string File = "environments/qa/app-of-apps-qa.yaml";
    private const string Sha = "0123456789abcdef0123456789abcdef01234567";
    private const string OtherSha = "fedcba9876543210fedcba9876543210fedcba98";

    private static readonly StageCatalog Catalog =
        StageCatalog.Load(Path.Combine(RepositoryRoot.Path, "environments", "stages.yaml"));

    [Fact]
    public void Stages_that_receive_promotions_are_pinned_and_dev_and_nightly_follow_branches()
    {
        Enum.GetValues<Stage>().Where(Catalog.IsPinned).ShouldBe([Stage.Qa, Stage.QaInt, Stage.Prod]);
    }

    [Fact]
    public void The_pin_is_the_chart_sources_target_revision_and_the_values_source_stays_on_main()
    {
        var pin = ConfigurationPins.Parse(Parent("app-of-apps-qa-gcp", Sha), File, Stage.Qa);

        pin.ShouldBe(new ConfigurationPin(Stage.Qa, Sha, File, 10));
        pin.ShortSha.ShouldBe("0123456789ab");
        pin.ToString().ShouldBe($"qa pinned at {Sha} ({File}:10)");
    }

    [Theory]
    [InlineData("main", "targetRevision 'main'")]
    [InlineData("HEAD", "targetRevision 'HEAD'")]
    [InlineData("v1.2.3", "targetRevision 'v1.2.3'")]
    [InlineData("0123456", "targetRevision '0123456'")]
    [InlineData("0123456789ABCDEF0123456789ABCDEF01234567", "targetRevision '0123456789ABCDEF0123456789ABCDEF01234567'")]
    public void A_branch_a_tag_or_a_short_sha_is_refused_at_its_line(string revision, string shown)
    {
        var error = Should.Throw<ConfigurationPinException>(() => ConfigurationPins.Parse(Parent("app-of-apps-qa-gcp", revision), File, Stage.Qa));

        error.Errors.ShouldHaveSingleItem().ShouldBe(new ConfigurationPinError(
            File, 10, $"Application app-of-apps-qa-gcp renders charts/app-of-apps at {shown}; a promoted stage's pin is a full 40-hex commit SHA of this repository (a branch or a tag can move, a commit cannot); it moves only through the promotion merge request"));
        error.Message.ShouldStartWith($"{File}:10: Application app-of-apps-qa-gcp");
    }

    [Fact]
    public void A_chart_source_without_target_revision_is_refused_at_the_source()
    {
        var yaml = Parent("app-of-apps-qa-gcp", Sha).Replace($"      targetRevision: {Sha}\n", string.Empty, StringComparison.Ordinal);

        var error = Should.Throw<ConfigurationPinException>(() => ConfigurationPins.Parse(yaml, File, Stage.Qa)).Errors.ShouldHaveSingleItem();

        error.Line.ShouldBe(9);
        error.Message.ShouldContain("at no targetRevision (Argo CD reads HEAD)");
    }

    [Fact]
    public void Every_cloud_of_a_stage_runs_the_same_revision()
    {
        var yaml = Parent("app-of-apps-qa-gcp", Sha) + "---\n" + Parent("app-of-apps-qa-aws", OtherSha);

        var error = Should.Throw<ConfigurationPinException>(() => ConfigurationPins.Parse(yaml, File, Stage.Qa)).Errors.ShouldHaveSingleItem();

        error.ShouldBe(new ConfigurationPinError(File, 35, $"Application app-of-apps-qa-aws pins {OtherSha} but line 10 pins {Sha}; stage qa runs one revision on every cloud"));
    }

    [Fact]
    public void Two_clouds_on_one_sha_are_one_pin_and_every_bad_one_is_named()
    {
        ConfigurationPins.Parse(Parent("app-of-apps-qa-gcp", Sha) + "---\n" + Parent("app-of-apps-qa-aws", Sha), File, Stage.Qa).Sha.ShouldBe(Sha);

        var errors = Should.Throw<ConfigurationPinException>(() => ConfigurationPins.Parse(
            Parent("app-of-apps-qa-gcp", "main") + "---\n" + Parent("app-of-apps-qa-aws", "HEAD"), File, Stage.Qa)).Errors;
        errors.Select(error => error.Line).ShouldBe([10, 35]);
    }

    [Fact]
    public void A_file_without_a_chart_source_or_with_broken_yaml_says_so()
    {
        var noChart = Should.Throw<ConfigurationPinException>(() => ConfigurationPins.Parse("kind: AppProject\nmetadata: {name: x}\n", File, Stage.Qa));
        noChart.Message.ShouldBe($"{File}: no Application has a source with path charts/app-of-apps; its targetRevision is stage qa's pin");

        var broken = Should.Throw<ConfigurationPinException>(() => ConfigurationPins.Parse("kind: Application\nspec: [\n", File, Stage.Qa));
        broken.Errors.ShouldHaveSingleItem().Message.ShouldStartWith("is not valid YAML (");
    }

    [Fact]
    public void A_single_source_and_a_dotted_path_are_read_too()
    {
        const string yaml = $"""
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata:
              name: app-of-apps-qa-gcp
            spec:
              source:
                repoURL: https://gitlab.example/iac.git
                path: ./charts/app-of-apps/
                targetRevision: "{Sha}"
            """;

        ConfigurationPins.Parse(yaml, File, Stage.Qa).ShouldBe(new ConfigurationPin(Stage.Qa, Sha, File, 9));
    }

    [Fact]
    public void Read_returns_null_for_following_stages_and_the_pin_for_promoted_ones()
    {
        using var root = new TemporaryRoot();
        root.Write(File, Parent("app-of-apps-qa-gcp", Sha));

        ConfigurationPins.Read(root.Path, Catalog, Stage.Dev).ShouldBeNull();
        ConfigurationPins.Read(root.Path, Catalog, Stage.Nightly).ShouldBeNull();
        ConfigurationPins.Read(root.Path, Catalog, Stage.Qa).ShouldBe(new ConfigurationPin(Stage.Qa, Sha, File, 10));
        Should.Throw<ConfigurationPinException>(() => ConfigurationPins.Read(root.Path, Catalog, Stage.Prod)).Message
            .ShouldBe("environments/prod/app-of-apps-prod.yaml: not found; stage prod is promoted and its parent Applications there name its pin");
    }

    [Fact]
    public void Moving_the_pin_rewrites_the_chart_and_values_sources_and_keeps_everything_else()
    {
        var before = ("# the qa stage\n" + Parent("app-of-apps-qa-gcp", Sha) + "---\n" + Parent("app-of-apps-qa-aws", $"'{Sha}'")).Replace("\n", "\r\n", StringComparison.Ordinal);

        var after = ConfigurationPins.WithPin(before, File, OtherSha);

        after.ShouldBe(before.Replace(Sha, OtherSha, StringComparison.Ordinal).Replace("targetRevision: main", $"targetRevision: {OtherSha}", StringComparison.Ordinal),
            "the ref: values source of the same repository moves with the chart's");
        ConfigurationPins.Parse(after, File, Stage.Qa).Sha.ShouldBe(OtherSha);
    }

    [Fact]
    public void Moving_the_pin_from_a_branch_works_and_a_number_like_sha_is_quoted()
    {
        const string digits = "1234567890123456789012345678901234567890";

        var after = ConfigurationPins.WithPin(Parent("app-of-apps-qa-gcp", "main"), File, digits);

        after.ShouldContain($"targetRevision: \"{digits}\"\n      path: charts/app-of-apps");
        ConfigurationPins.Parse(after, File, Stage.Qa).Sha.ShouldBe(digits);
        Should.Throw<ArgumentException>(() => ConfigurationPins.WithPin(after, File, "main")).Message.ShouldStartWith("'main' is not a full 40-hex commit SHA");
    }

    [Fact]
    public void The_repository_pins_every_promoted_stage()
    {
        foreach (var stage in Catalog.Stages.Select(definition => definition.Stage).Where(Catalog.IsPinned))
        {
            var pin = ConfigurationPins.Read(RepositoryRoot.Path, Catalog, stage).ShouldNotBeNull();
            ConfigurationPins.IsFullSha(pin.Sha).ShouldBeTrue();
        }
    }

    private static string Parent(string name, string revision) => $"""
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: {name}
          namespace: argocd
        spec:
          project: eurodat-qa-app-of-apps
          sources:
            - repoURL: https://gitlab.example/iac.git
              targetRevision: {revision}
              path: charts/app-of-apps
              helm:
                valueFiles:
                  - $values/environments/qa/values-{name["app-of-apps-".Length..]}.yaml
            - repoURL: https://gitlab.example/iac.git
              targetRevision: main
              ref: values
          destination:
            name: in-cluster
            namespace: argocd
          syncPolicy:
            automated:
              prune: true
              selfHeal: true

        """;

    private sealed class TemporaryRoot : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("pins-").FullName;

        public void Write(string relative, string text)
        {
            var full = System.IO.Path.Combine(Path, relative);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            System.IO.File.WriteAllText(full, text);
        }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
