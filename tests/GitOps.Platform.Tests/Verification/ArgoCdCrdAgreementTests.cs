using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace GitOps.Platform.Tests.Verification;

/// <summary>
/// The npm validators Verify uses agree with the CRDs the pinned Argo CD (v3.2.0, argo-cd chart 9.1.4) installs: an
/// object holding every field of the CRD's openAPIV3Schema, each with a value of its type, passes, and a field the
/// CRD does not have is still found at depth. The CRDs are test data beside the repository (shared/reference), never
/// committed here.
/// </summary>
public sealed class ArgoCdCrdAgreementTests
{
    private static readonly string Crds = Path.GetFullPath(Path.Combine(RepositoryRoot.Path, "..", "shared", "reference", "argocd-v3.2.0-crds"));

    [Theory]
    [InlineData("applications.yaml", "Application")]
    [InlineData("appprojects.yaml", "AppProject")]
    public async Task Every_field_of_the_v3_2_0_crd_is_accepted(string file, string kind)
    {
        var sample = Sample(file, kind, out var fields);
        fields.ShouldBeGreaterThan(kind == "Application" ? 1000 : 50);

        (await ProblemsAsync(sample)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_field_the_crd_does_not_have_is_found_deep_inside()
    {
        var sample = Sample("applications.yaml", "Application", out _);
        sample["spec"]!["source"]!["helm"]!["valuesObjects"] = "typo";
        sample["status"]!["operationState"]!["syncResult"]!["resources"]![0]!["colour"] = "blue";

        (await ProblemsAsync(sample)).ShouldBe(
        [
            "spec/source/helm/valuesObjects",
            "status/operationState/syncResult/resources/0/colour",
        ], ignoreOrder: true);
    }

    private static async Task<List<string>> ProblemsAsync(JsonObject sample)
    {
        await using var run = (await TestSchemas.ValidatorAsync()).Start(CancellationToken.None);
        var problems = await run.ValidateAsync([sample], CancellationToken.None);
        return problems.TryGetValue(0, out var found) ? [.. found.Select(problem => string.Join('/', problem.Path))] : [];
    }

    private static JsonObject Sample(string file, string kind, out int fields)
    {
        var path = Path.Combine(Crds, file);
        File.Exists(path).ShouldBeTrue($"the Argo CD v3.2.0 CRDs are test data at {Crds} (shared/reference beside the repository)");
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(path)));
        var versions = (YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode)["spec"])["versions"];
        var schema = (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)versions.Children.OfType<YamlMappingNode>()
            .Single(version => version["name"].ToString() == "v1alpha1"))["schema"])["openAPIV3Schema"];
        var count = 0;
        var sample = (JsonObject)Value(schema, ref count)!;
        sample["apiVersion"] = "argoproj.io/v1alpha1";
        sample["kind"] = kind;
        sample["metadata"] = new JsonObject { ["name"] = "sample", ["namespace"] = "argocd" };
        fields = count;
        return sample;
    }

    // A value of the schema's type; objects get every declared property, arrays one item.
    private static JsonNode? Value(YamlMappingNode schema, ref int fields)
    {
        string? Text(string key) => schema.Children.TryGetValue(key, out var node) ? node.ToString() : null;
        YamlMappingNode? Child(string key) => schema.Children.TryGetValue(key, out var node) ? node as YamlMappingNode : null;

        if (Text("x-kubernetes-int-or-string") == "true")
        {
            return "1";
        }

        if (Child("properties") is { } properties)
        {
            var result = new JsonObject();
            foreach (var (name, property) in properties.Children)
            {
                fields++;
                result[name.ToString()] = Value((YamlMappingNode)property, ref fields);
            }

            return result;
        }

        if (Text("x-kubernetes-preserve-unknown-fields") == "true")
        {
            return new JsonObject { ["free"] = "form" };
        }

        return Text("type") switch
        {
            "object" => Child("additionalProperties") is { } values ? new JsonObject { ["key"] = Value(values, ref fields) } : new JsonObject(),
            "array" => new JsonArray(Value(Child("items")!, ref fields)),
            "integer" or "number" => 1,
            "boolean" => true,
            _ when schema.Children.TryGetValue("enum", out var allowed) => ((YamlSequenceNode)allowed).Children[0].ToString(),
            _ => Text("format") switch
            {
                "date-time" => "2025-01-01T00:00:00Z",
                "byte" => "aGk=",
                _ => "x",
            },
        };
    }
}
