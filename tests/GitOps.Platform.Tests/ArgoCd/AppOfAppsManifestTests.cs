using GitOps.Platform.ArgoCd;

namespace GitOps.Platform.Tests.ArgoCd;

public sealed class AppOfAppsManifestTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("gitops-manifest-").FullName;

    [Fact]
    public void Plain_scalars_become_typed_json_and_quoted_ones_stay_strings()
    {
        var manifest = AppOfAppsManifest.Load(Write("""
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata:
              name: app-of-apps-qa
            spec:
              source:
                targetRevision: "1.0"
                helm:
                  parameters:
                    - name: replicas
                      value: "3"
              syncPolicy:
                automated:
                  prune: true
                retry:
                  limit: 5
            """));

        manifest.Name.ShouldBe("app-of-apps-qa");
        manifest.Namespace.ShouldBe("argocd");
        manifest.Resource.ToJsonString().ShouldBe(string.Concat(
            """{"apiVersion":"argoproj.io/v1alpha1","kind":"Application","metadata":{"name":"app-of-apps-qa","namespace":"argocd"},""",
            """ "spec":{"source":{"targetRevision":"1.0","helm":{"parameters":[{"name":"replicas","value":"3"}]}},""".TrimStart(),
            """ "syncPolicy":{"automated":{"prune":true},"retry":{"limit":5}}}}""".TrimStart()));
        manifest.SyncOperation("gitops-build")["sync"]!["revision"]!.GetValue<string>().ShouldBe("1.0");
    }

    [Fact]
    public void A_document_of_another_kind_is_reported_with_file_and_line()
    {
        var path = Write("""
            # the stage's parent
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: oops
            """);

        var error = Should.Throw<ManifestException>(() => AppOfAppsManifest.Load(path));

        error.Message.ShouldBe($"{path}:2: apiVersion 'v1' kind 'ConfigMap' is not allowed; expected apiVersion argoproj.io/v1alpha1, kind Application or AppProject");
    }

    [Fact]
    public void A_missing_file_names_the_path()
    {
        var path = Path.Combine(directory, "app-of-apps-prod.yaml");

        Should.Throw<ManifestException>(() => AppOfAppsManifest.Load(path)).Message.ShouldStartWith($"{path}: file not found");
    }

    [Fact]
    public void Two_applications_without_a_name_to_choose_are_refused()
    {
        var path = Write("""
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata:
              name: a
            ---
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata:
              name: b
            """);

        Should.Throw<ManifestException>(() => AppOfAppsManifest.Load(path)).Message
            .ShouldBe($"{path}:6: found 2 Applications; name the one to deploy, or keep exactly one Argo CD Application in the file");
    }

    [Fact]
    public void A_stage_file_yields_the_named_application_with_the_project_it_uses()
    {
        var path = Write(StageFile);

        var manifest = AppOfAppsManifest.Load(path, "app-of-apps-dev-gcp");

        manifest.Name.ShouldBe("app-of-apps-dev-gcp");
        manifest.Project.ShouldNotBeNull()["metadata"]!["name"]!.GetValue<string>().ShouldBe("eurodat-dev");
        AppOfAppsManifest.LoadProjects(path).ShouldHaveSingleItem()["spec"]!["description"]!.GetValue<string>().ShouldBe("dev");
    }

    [Fact]
    public void An_application_the_stage_file_lacks_is_named_with_the_ones_it_has()
    {
        var path = Write(StageFile);

        Should.Throw<ManifestException>(() => AppOfAppsManifest.Load(path, "app-of-apps-dev-aws")).Message
            .ShouldBe($"{path}:1: no Application 'app-of-apps-dev-aws'; Applications in this file: app-of-apps-dev-gcp, app-of-apps-dev-azure");
    }

    private const string StageFile = """
        apiVersion: argoproj.io/v1alpha1
        kind: AppProject
        metadata:
          name: eurodat-dev
        spec:
          description: dev
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: app-of-apps-dev-gcp
        spec:
          project: eurodat-dev
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: app-of-apps-dev-azure
        spec:
          project: eurodat-dev
        """;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string Write(string yaml)
    {
        var path = Path.Combine(directory, $"{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }
}
