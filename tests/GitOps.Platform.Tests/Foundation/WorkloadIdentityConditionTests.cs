using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cel;
using GitOps.Platform.Foundation;
using GitOps.Platform.Tests.Terraform.Schema;
using YamlDotNet.RepresentationModel;

namespace GitOps.Platform.Tests.Foundation;

/// <summary>
/// Which GitLab jobs each stage's Workload Identity provider lets act as that stage's deployer: the committed
/// attribute_condition, with the stage's tfvars filled in, evaluated by a CEL implementation (Google evaluates it as
/// CEL; an error, such as a claim the token does not have, rejects the token) against the ID-token claims GitLab gives
/// each generated job that requests GCP_ID_TOKEN.
/// </summary>
public sealed partial class WorkloadIdentityConditionTests
{
    private static readonly string[] Stages = ["dev", "nightly", "qa", "qa-int", "prod"];

    [Fact]
    public async Task Each_stages_deployer_is_reachable_only_from_that_stages_protected_environment_jobs()
    {
        var conditions = await ConditionsAsync();
        var jobs = GoogleJobs();
        jobs.ShouldNotBeEmpty();

        foreach (var job in jobs)
        {
            foreach (var stage in Stages)
            {
                Accepts(conditions[stage], job.Claims).ShouldBe(job.Stage == stage, $"{stage}'s provider and job {job.Name} ({job.Claims.Environment})");
            }
        }
    }

    [Fact]
    public async Task Prods_deployer_is_not_reachable_from_any_non_prod_job_nor_without_a_protected_prod_environment()
    {
        var prod = (await ConditionsAsync())["prod"];
        var path = ProjectPath("prod");

        Accepts(prod, new GitLabIdTokenClaims(path, "main", RefProtected: true, "prod/gcp", EnvironmentProtected: true)).ShouldBeTrue();
        Accepts(prod, new GitLabIdTokenClaims(path, "main", RefProtected: true, "qa-int/gcp", EnvironmentProtected: true)).ShouldBeFalse("a qa-int job on main");
        Accepts(prod, new GitLabIdTokenClaims(path, "main", RefProtected: true, "prod/gcp", EnvironmentProtected: false)).ShouldBeFalse("prod/gcp not protected in GitLab");
        Accepts(prod, new GitLabIdTokenClaims(path, "main", RefProtected: true, Environment: null, EnvironmentProtected: false)).ShouldBeFalse("a job with no environment");
        Accepts(prod, new GitLabIdTokenClaims(path, "feature", RefProtected: false, "prod/gcp", EnvironmentProtected: true)).ShouldBeFalse("an unprotected branch");
        Accepts(prod, new GitLabIdTokenClaims("eurodat/fork", "main", RefProtected: true, "prod/gcp", EnvironmentProtected: true)).ShouldBeFalse("another project");
        Accepts(prod, new GitLabIdTokenClaims(path, "main", RefProtected: true, "prod/gcp-other", EnvironmentProtected: true)).ShouldBeFalse("a look-alike environment");
    }

    [Fact]
    public void Every_generated_job_that_requests_a_google_id_token_declares_its_stages_environment()
    {
        foreach (var job in GoogleJobs())
        {
            job.Claims.Environment.ShouldNotBeNull($"{job.Name} requests GCP_ID_TOKEN but declares no environment:");
            job.Claims.Environment.ShouldStartWith($"{job.Stage}/", Case.Sensitive, job.Name);
        }
    }

    private static bool Accepts(string condition, GitLabIdTokenClaims claims)
    {
        try
        {
            return new CelEnvironment(null, null).Program(condition, new Dictionary<string, object?> { ["assertion"] = claims.ToAssertion() }) is true;
        }
        catch (CelException)
        {
            return false;
        }
    }

    /// <summary>Each stage's attribute_condition with var.* and local.* filled in from its tfvars.</summary>
    private static async Task<Dictionary<string, string>> ConditionsAsync()
    {
        var installation = await ProviderSchemaInstallation.GetAsync();
        var module = Path.Combine(RepositoryRoot.Path, FoundationLayout.ModuleDirectory);
        var files = Directory.GetFiles(module, "*.tf");
        var parsed = await new HclParser(installation.NodeModules).ParseAsync(files);
        var bodies = parsed.Values.Select(result => result.Body.ShouldNotBeNull(result.Error)).ToList();
        var provider = bodies.SelectMany(body => (body["resource"]?["google_iam_workload_identity_pool_provider"]?["gitlab"] as JsonArray) ?? [])
            .ShouldHaveSingleItem()!.AsObject();
        var locals = bodies.SelectMany(body => (body["locals"] as JsonArray) ?? []).SelectMany(block => block!.AsObject())
            .ToDictionary(pair => pair.Key, pair => pair.Value!.ToString(), StringComparer.Ordinal);
        var condition = provider["attribute_condition"]!.GetValue<string>();
        return Stages.ToDictionary(stage => stage, stage => Fill(condition, stage, locals));
    }

    private static string Fill(string template, string stage, IReadOnlyDictionary<string, string> locals) =>
        Reference().Replace(template, match => match.Groups["kind"].Value == "var"
            ? Variable(stage, match.Groups["name"].Value)
            : Fill(locals[match.Groups["name"].Value], stage, locals));

    private static string Variable(string stage, string name) => name == "stage"
        ? stage
        : Tfvars(stage).TryGetValue(name, out var value) ? value : throw new InvalidOperationException($"var.{name} is not in {FoundationLayout.VarFile(stage)}");

    private static string ProjectPath(string stage) => Tfvars(stage)["gitlab_project_path"];

    private static Dictionary<string, string> Tfvars(string stage) =>
        File.ReadLines(Path.Combine(RepositoryRoot.Path, FoundationLayout.VarFile(stage)))
            .Select(line => Assignment().Match(line)).Where(match => match.Success)
            .ToDictionary(match => match.Groups["name"].Value, match => match.Groups["value"].Value, StringComparer.Ordinal);

    /// <summary>
    /// The committed pipeline's jobs that request GCP_ID_TOKEN, with the claims GitLab gives them on main (protected):
    /// .gitlab-ci.yml's and its child pipelines' (.ci/pipelines), where the deploying jobs run.
    /// </summary>
    private static List<(string Name, string Stage, GitLabIdTokenClaims Claims)> GoogleJobs()
    {
        var files = Directory.GetFiles(Path.Combine(RepositoryRoot.Path, ".ci", "pipelines"), "*.yml").Order(StringComparer.Ordinal)
            .Prepend(Path.Combine(RepositoryRoot.Path, ".gitlab-ci.yml"));
        return [.. files.SelectMany(GoogleJobsOf)];
    }

    private static List<(string Name, string Stage, GitLabIdTokenClaims Claims)> GoogleJobsOf(string file)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(file))
        {
            yaml.Load(reader);
        }

        var jobs = new List<(string, string, GitLabIdTokenClaims)>();
        foreach (var (key, value) in ((YamlMappingNode)yaml.Documents[0].RootNode).Children)
        {
            if (value is not YamlMappingNode job || !job.Children.TryGetValue("id_tokens", out var tokens)
                || !((YamlMappingNode)tokens).Children.ContainsKey("GCP_ID_TOKEN"))
            {
                continue;
            }

            var script = string.Join(' ', ((YamlSequenceNode)job.Children["script"]).Children.Select(line => line.ToString()));
            var stage = StageArgument().Match(script).Groups["stage"].Value;
            var environment = job.Children.TryGetValue("environment", out var declared)
                ? declared is YamlMappingNode mapping ? mapping.Children["name"].ToString() : declared.ToString()
                : null;
            jobs.Add((key.ToString(), stage, new GitLabIdTokenClaims(ProjectPath(stage), "main", RefProtected: true, environment, EnvironmentProtected: true)));
        }

        return jobs;
    }

    [GeneratedRegex(@"\$\{(?<kind>var|local)\.(?<name>[a-z_0-9]+)\}")]
    private static partial Regex Reference();

    [GeneratedRegex("""^\s*(?<name>[a-z_0-9]+)\s*=\s*"(?<value>[^"]*)"\s*$""")]
    private static partial Regex Assignment();

    [GeneratedRegex(@"--stage (?<stage>[a-z-]+)")]
    private static partial Regex StageArgument();
}
