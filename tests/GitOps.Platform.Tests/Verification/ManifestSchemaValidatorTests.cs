using System.Text.Json.Nodes;
using GitOps.Platform.Verification.Schemas;
using YamlDotNet.RepresentationModel;

namespace GitOps.Platform.Tests.Verification;

/// <summary>
/// The schema check itself (real node, real npm validators): what a structural schema means for fields it declares,
/// maps, free-form values and int-or-string, and YAML typed the way the API server reads it.
/// </summary>
public sealed class ManifestSchemaValidatorTests
{
    private const string Application = """
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: demo
          namespace: argocd
          labels: { any-label: yes-please }
          annotations: { argocd.argoproj.io/sync-wave: "10" }
        spec:
          project: demo
          source:
            repoURL: https://example.invalid/repo.git
            chart: demo
            targetRevision: "1.0"
            helm:
              valuesObject: { any: { nested: [1, two, { three: 3 }] } }
          destination: { name: in-cluster, namespace: demo }
          syncPolicy:
            automated: { prune: yes, selfHeal: true }
            retry: { limit: 5, backoff: { duration: 10s, factor: 2, maxDuration: 3m } }
        """;

    [Fact]
    public async Task A_valid_application_with_free_form_values_and_maps_has_no_problems() =>
        (await ProblemsAsync(Application)).ShouldBeEmpty();

    [Theory]
    [InlineData("targetRevision: \"1.0\"", "targetRevision: 1.10", "spec/source/targetRevision: must be string")] // an unquoted 1.10 is a number
    [InlineData("selfHeal: true", "selfHeal: sometimes", "spec/syncPolicy/automated/selfHeal: must be boolean")]
    [InlineData("limit: 5", "limit: five", "spec/syncPolicy/retry/limit: must be integer")]
    [InlineData("argocd.argoproj.io/sync-wave: \"10\"", "argocd.argoproj.io/sync-wave: 10", "metadata/annotations/argocd.argoproj.io~1sync-wave: must be string")]
    [InlineData("chart: demo", "chart: demo\n    charts: typo", "spec/source/charts: is not a field of this kind's schema (the API server prunes or rejects unknown fields)")]
    [InlineData("namespace: demo }", "namespace: demo, cluster: x }", "spec/destination/cluster: is not a field of this kind's schema (the API server prunes or rejects unknown fields)")]
    public async Task A_wrong_type_or_an_unknown_field_is_named_by_its_path(string original, string broken, string expected)
    {
        Application.ShouldContain(original);

        var problems = await ProblemsAsync(Application.Replace(original, broken, StringComparison.Ordinal));

        problems.ShouldBe([expected.Replace("~1", "/", StringComparison.Ordinal)]);
    }

    [Fact]
    public async Task Int_or_string_fields_take_both_and_nothing_else()
    {
        const string Service = """
            apiVersion: v1
            kind: Service
            metadata: { name: web }
            spec:
              ports:
                - { port: 80, targetPort: 8080 }
                - { port: 443, targetPort: https }
                - { port: 8443, targetPort: [https] }
            """;

        (await ProblemsAsync(Service)).ShouldContain(problem => problem.StartsWith("spec/ports/2/targetPort: ", StringComparison.Ordinal));
        (await ProblemsAsync(Service)).ShouldAllBe(problem => problem.StartsWith("spec/ports/2/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_kind_without_a_schema_is_left_alone() =>
        (await ProblemsAsync("apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata: { name: x }\nspec: { anything: goes }\n")).ShouldBeEmpty();

    [Theory]
    [InlineData("kind: Application", "kind: Aplication", "kind: is not a kind Argo CD v3 serves in argoproj.io/v1alpha1 (it serves AppProject, Application, ApplicationSet)")]
    [InlineData("apiVersion: argoproj.io/v1alpha1", "apiVersion: argoproj.io/v1beta9", "apiVersion: is not a version Argo CD v3 serves (argoproj.io serves v1alpha1)")]
    [InlineData("apiVersion: argoproj.io/v1alpha1", "apiVersion: argoproj.io", "apiVersion: is not a version Argo CD v3 serves (argoproj.io serves v1alpha1)")]
    public async Task An_unknown_kind_or_version_under_argoproj_io_is_a_problem_not_a_kind_without_a_schema(string original, string broken, string expected) =>
        (await ProblemsAsync(Application.Replace(original, broken, StringComparison.Ordinal))).ShouldBe([expected]);

    [Fact]
    public async Task Many_objects_are_validated_by_one_process_each_with_its_own_result()
    {
        var validator = await TestSchemas.ValidatorAsync();
        var objects = Enumerable.Range(0, 300)
            .Select(index => Json(index % 3 == 0 ? Application.Replace("selfHeal: true", "selfHeal: maybe", StringComparison.Ordinal) : Application))
            .ToList();
        await using var run = validator.Start(CancellationToken.None);

        var problems = await run.ValidateAsync(objects, CancellationToken.None);

        problems.Keys.Order().ShouldBe(Enumerable.Range(0, 300).Where(index => index % 3 == 0));
    }

    [Fact]
    public async Task Objects_handed_over_in_batches_while_node_runs_are_each_answered_by_their_index_across_batches()
    {
        var validator = await TestSchemas.ValidatorAsync();
        var broken = Json(Application.Replace("selfHeal: true", "selfHeal: maybe", StringComparison.Ordinal));
        await using var run = validator.Start(CancellationToken.None);

        // As Verify does: the committed objects first, then each environment's as it renders (an empty one too).
        var first = run.Submit([Json(Application), broken]);
        var none = run.Submit([]);
        await Task.Delay(TimeSpan.FromMilliseconds(200)); // so that node usually waits for the next batch (either way, the answer is the same)
        var second = run.Submit([broken, Json(Application), broken]);
        var problems = await run.CompleteAsync(CancellationToken.None);

        (first, none, second).ShouldBe((0, 2, 2));
        problems.Keys.Order().ShouldBe([1, 2, 4]);
        problems[4].Select(problem => string.Join('/', problem.Path)).ShouldBe(["spec/syncPolicy/automated/selfHeal"]);
        Should.Throw<InvalidOperationException>(() => run.Submit([Json(Application)]));
    }

    [Fact]
    public async Task A_run_handed_no_object_answers_with_no_problems()
    {
        await using var run = (await TestSchemas.ValidatorAsync()).Start(CancellationToken.None);

        (await run.CompleteAsync(CancellationToken.None)).ShouldBeEmpty();
    }

    private static async Task<List<string>> ProblemsAsync(string yaml)
    {
        var validator = await TestSchemas.ValidatorAsync();
        await using var run = validator.Start(CancellationToken.None);
        var problems = await run.ValidateAsync([Json(yaml)], CancellationToken.None);
        return problems.TryGetValue(0, out var found) ? [.. found.Select(problem => $"{string.Join('/', problem.Path)}: {problem.Message}")] : [];
    }

    private static JsonNode? Json(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return KubernetesJson.Convert(stream.Documents[0].RootNode);
    }
}
