using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cel;
using GitOps.Platform.Clouds.Google;
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
        var ours = new GitLabIdTokenClaims(ProjectPath("prod"), "main", RefProtected: true, "prod/gcp", EnvironmentProtected: true) { ProjectId = ProjectId("prod") };

        Accepts(prod, ours).ShouldBeTrue();
        Accepts(prod, ours with { Environment = "qa-int/gcp" }).ShouldBeFalse("a qa-int job on main");
        Accepts(prod, ours with { EnvironmentProtected = false }).ShouldBeFalse("prod/gcp not protected in GitLab");
        Accepts(prod, ours with { Environment = null, EnvironmentProtected = false }).ShouldBeFalse("a job with no environment");
        Accepts(prod, ours with { Ref = "feature", RefProtected = false }).ShouldBeFalse("an unprotected branch");
        Accepts(prod, ours with { ProjectPath = "eurodat/fork", ProjectId = "4712" }).ShouldBeFalse("another project");
        Accepts(prod, ours with { Environment = "prod/gcp-other" }).ShouldBeFalse("a look-alike environment");
    }

    [Fact]
    public async Task A_protected_tag_or_another_protected_branch_reaches_no_stages_deployer()
    {
        var conditions = await ConditionsAsync();
        foreach (var stage in Stages)
        {
            var ours = new GitLabIdTokenClaims(ProjectPath(stage), "main", RefProtected: true, $"{stage}/gcp", EnvironmentProtected: true) { ProjectId = ProjectId(stage) };
            Accepts(conditions[stage], ours).ShouldBeTrue(stage);
            Accepts(conditions[stage], ours with { Ref = "v1.2.0", RefType = "tag" }).ShouldBeFalse($"{stage}: a protected tag (a maintainer can push one at any commit)");
            Accepts(conditions[stage], ours with { RefType = "tag" }).ShouldBeFalse($"{stage}: a protected tag named main");
            Accepts(conditions[stage], ours with { Ref = "release" }).ShouldBeFalse($"{stage}: another protected branch");
        }
    }

    [Fact]
    public async Task A_project_that_took_over_the_path_after_a_rename_or_transfer_is_not_trusted()
    {
        var conditions = await ConditionsAsync();
        foreach (var stage in Stages)
        {
            var ours = new GitLabIdTokenClaims(ProjectPath(stage), "main", RefProtected: true, $"{stage}/gcp", EnvironmentProtected: true) { ProjectId = ProjectId(stage) };
            Accepts(conditions[stage], ours).ShouldBeTrue(stage);
            Accepts(conditions[stage], ours with { ProjectId = "90210" }).ShouldBeFalse($"{stage}: another project now registered at {ours.ProjectPath}");
        }
    }

    [Fact]
    public async Task The_deployers_binding_names_the_project_by_its_id_not_its_path()
    {
        var member = (await FoundationResourceAsync("google_service_account_iam_member", "deployer_from_gitlab"))["member"]!.GetValue<string>();

        member.ShouldEndWith("/attribute.project_id/${var.gitlab_project_id}");
        (await MappingAsync()).ShouldContainKey("attribute.project_id");
    }

    /// <summary>
    /// Google refuses a mapped google.subject over 127 bytes (the exchange fails); GitLab's own sub grows with the
    /// project path and the branch. The longest stage, the longest path GitLab allows (255 characters per segment;
    /// two segments here), a 255-character protected branch and 20-digit ids must still fit.
    /// </summary>
    [Fact]
    public async Task The_mapped_google_subject_stays_within_127_bytes_for_the_longest_names()
    {
        var subject = (await MappingAsync())["google.subject"];
        var longestStage = Stages.MaxBy(stage => stage.Length)!;
        var claims = new GitLabIdTokenClaims($"{new string('g', 255)}/{new string('p', 255)}", new string('r', 255), RefProtected: true, $"{longestStage}/gcp", EnvironmentProtected: true)
        {
            ProjectId = "99999999999999999999",
            NamespaceId = "99999999999999999999",
            JobId = "99999999999999999999",
        };

        var mapped = new CelEnvironment(null, null).Program(subject, new Dictionary<string, object?> { ["assertion"] = claims.ToAssertion() }).ShouldBeOfType<string>();

        System.Text.Encoding.UTF8.GetByteCount(mapped).ShouldBeLessThanOrEqualTo(127, mapped);
        mapped.ShouldContain(claims.ProjectId);
        mapped.ShouldContain(claims.JobId);
    }

    [Fact]
    public async Task The_committed_provider_and_deployer_the_build_derives_are_the_ones_the_foundation_creates()
    {
        var bodies = await FoundationBodiesAsync();
        var audience = bodies.SelectMany(body => (body["locals"] as JsonArray) ?? []).Select(block => block!["workload_identity_audience"])
            .Single(value => value is not null)!.GetValue<string>();
        var account = (await FoundationResourceAsync("google_service_account", "deployer"))["account_id"]!.GetValue<string>();

        foreach (var stage in Stages)
        {
            var committed = CommittedDeployer.Load(RepositoryRoot.Path, stage);
            committed.Complete.ShouldBeTrue(committed.VarFile);
            audience.Replace("${data.google_project.this.number}", committed.ProjectNumber, StringComparison.Ordinal).Replace("${var.stage}", stage, StringComparison.Ordinal)
                .ShouldBe(WorkloadIdentityCredentials.Audience(committed.Provider));
            $"{account.Replace("${var.stage}", stage, StringComparison.Ordinal)}@{committed.ProjectId}.iam.gserviceaccount.com".ShouldBe(committed.ServiceAccount);
        }
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

    private static async Task<List<JsonObject>> FoundationBodiesAsync()
    {
        var installation = await ProviderSchemaInstallation.GetAsync();
        var module = Path.Combine(RepositoryRoot.Path, FoundationLayout.ModuleDirectory);
        var files = Directory.GetFiles(module, "*.tf");
        var parsed = await new HclParser(installation.NodeModules).ParseAsync(files);
        return [.. parsed.Values.Select(result => result.Body.ShouldNotBeNull(result.Error))];
    }

    private static async Task<JsonObject> FoundationResourceAsync(string type, string name) =>
        (await FoundationBodiesAsync()).SelectMany(body => (body["resource"]?[type]?[name] as JsonArray) ?? []).ShouldHaveSingleItem()!.AsObject();

    /// <summary>The provider's attribute_mapping: Google attribute to CEL expression.</summary>
    private static async Task<Dictionary<string, string>> MappingAsync() =>
        (await FoundationResourceAsync("google_iam_workload_identity_pool_provider", "gitlab"))["attribute_mapping"]!.AsObject()
            .ToDictionary(pair => pair.Key, pair => pair.Value!.GetValue<string>(), StringComparer.Ordinal);

    /// <summary>Each stage's attribute_condition with var.* and local.* filled in from its tfvars.</summary>
    private static async Task<Dictionary<string, string>> ConditionsAsync()
    {
        var bodies = await FoundationBodiesAsync();
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

    private static string ProjectId(string stage) => Tfvars(stage)["gitlab_project_id"];

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
        // .gitlab-ci.yml's first document is its spec:inputs header; the jobs are in the last.
        foreach (var (key, value) in ((YamlMappingNode)yaml.Documents[^1].RootNode).Children)
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
            jobs.Add((key.ToString(), stage, new GitLabIdTokenClaims(ProjectPath(stage), "main", RefProtected: true, environment, EnvironmentProtected: true) { ProjectId = ProjectId(stage) }));
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
