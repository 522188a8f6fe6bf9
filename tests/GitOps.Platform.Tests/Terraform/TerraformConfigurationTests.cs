using System.Text.RegularExpressions;
using GitOps.Platform.Clouds;
using GitOps.Platform.Foundation;
using GitOps.Targets.Output;
using GitOps.Targets.Tooling;

namespace GitOps.Platform.Tests.Terraform;

/// <summary>
/// Checks on the committed Terraform that need no provider: the google provider cannot be downloaded here, so
/// <c>terraform validate</c> cannot run on these modules; formatting and variable wiring can be checked.
/// </summary>
public sealed partial class TerraformConfigurationTests
{
    private static readonly string[] Stages = ["dev", "nightly", "qa", "qa-int", "prod"];

    [Fact]
    public async Task The_terraform_in_the_repository_is_formatted()
    {
        var cliConfig = Path.GetTempFileName();
        try
        {
            var runner = new ToolRunner(new ToolLocator(Path.Combine(RepositoryRoot.Path, ".nuke", "tools")), NullLog.Instance, new SecretMasker());
            var result = await runner.RunAsync(
                new ToolInvocation("terraform", ["fmt", "-check", "-recursive", "-no-color", "environments/terraform"])
                {
                    WorkingDirectory = RepositoryRoot.Path,
                    Environment = new Dictionary<string, string?> { ["TF_CLI_CONFIG_FILE"] = cliConfig },
                    ThrowOnFailure = false,
                },
                CancellationToken.None);

            result.ExitCode.ShouldBe(0, $"files needing terraform fmt: {result.StandardOutput}");
        }
        finally
        {
            File.Delete(cliConfig);
        }
    }

    [Fact]
    public void The_management_cluster_module_manages_no_kubernetes_objects_so_destroy_needs_only_the_cloud()
    {
        var module = Path.Combine(RepositoryRoot.Path, CloudProviders.Get("gcp").ManagementModuleDirectory);
        var text = string.Concat(Directory.GetFiles(module, "*.tf").Select(File.ReadAllText));

        text.ShouldNotContain("resource \"kubernetes_");
        text.ShouldNotContain("provider \"kubernetes\"");
        text.ShouldNotContain("hashicorp/kubernetes");
    }

    [Theory]
    [MemberData(nameof(ClusterVarFiles))]
    public void Every_stage_sets_exactly_the_variables_its_cluster_module_declares(string module, string varFile)
    {
        var declared = Declarations(Path.Combine(RepositoryRoot.Path, module));
        var assigned = Assignments(Path.Combine(RepositoryRoot.Path, varFile));
        var suppliedByBuild = new[] { "stage" }.Concat(CloudProviders.Get("gcp").VariablesFromEnvironment.Keys);

        assigned.Except(declared.Keys).ShouldBeEmpty($"{varFile} sets variables {module} does not declare");
        declared.Where(variable => !variable.Value).Select(variable => variable.Key)
            .Except(assigned).Except(suppliedByBuild).ShouldBeEmpty($"required variables of {module} that nothing sets");
    }

    [Theory]
    [MemberData(nameof(FoundationVarFiles))]
    public void Every_stage_sets_exactly_the_variables_the_foundation_declares_except_those_the_build_passes(string varFile)
    {
        var declared = Declarations(Path.Combine(RepositoryRoot.Path, FoundationLayout.ModuleDirectory));
        var assigned = Assignments(Path.Combine(RepositoryRoot.Path, varFile));
        var suppliedByBuild = new FoundationLayout(RepositoryRoot.Path, null, _ => null).For("dev").Variables.Keys;

        assigned.Except(declared.Keys).ShouldBeEmpty($"{varFile} sets variables the foundation does not declare");
        declared.Where(variable => !variable.Value).Select(variable => variable.Key)
            .Except(assigned).Except(suppliedByBuild).ShouldBeEmpty("required variables of the foundation that nothing sets");
    }

    [Theory]
    [MemberData(nameof(StageNames))]
    public void External_dns_values_name_the_foundations_zone_and_google_service_account(string stage)
    {
        var foundation = Path.Combine(RepositoryRoot.Path, FoundationLayout.VarFile(stage));
        var project = TfvarsString(foundation, "project_id");
        var domain = TfvarsString(foundation, "dns_domain").TrimEnd('.');
        var values = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "environments", stage, $"values-{stage}-gcp.yaml"));

        // environments/terraform/gcp/foundation/service-accounts.tf names it external-dns-<stage>.
        values.ShouldContain($"iam.gke.io/gcp-service-account: external-dns-{stage}@{project}.iam.gserviceaccount.com");
        values.ShouldContain($"domainFilters:\n        - {domain}\n");
        values.ShouldContain($"--google-project={project}");
    }

    [Theory]
    [MemberData(nameof(StageNames))]
    public void Every_stage_commits_its_state_bucket_named_after_its_project(string stage)
    {
        var foundation = Path.Combine(RepositoryRoot.Path, FoundationLayout.VarFile(stage));

        // One bucket per stage, named once: the foundation creates it and every root of the stage keeps its state there.
        TfvarsString(foundation, "state_bucket").ShouldBe($"{TfvarsString(foundation, "project_id")}-tfstate");
    }

    public static TheoryData<string> StageNames() => [.. Stages];

    private static string TfvarsString(string varFile, string name) =>
        File.ReadAllLines(varFile).Select(line => Regex.Match(line, $"^{name}\\s*=\\s*\"(?<value>[^\"]*)\"")).FirstOrDefault(match => match.Success)?.Groups["value"].Value
        ?? throw new ShouldAssertException($"{varFile} does not set {name}");

    public static TheoryData<string> FoundationVarFiles() => [.. Stages.Select(FoundationLayout.VarFile)];

    public static TheoryData<string, string> ClusterVarFiles()
    {
        var gcp = CloudProviders.Get("gcp");
        var data = new TheoryData<string, string>();
        foreach (var stage in Stages)
        {
            data.Add(gcp.EnvironmentModuleDirectory, gcp.EnvironmentVarFile(stage));
            data.Add(gcp.ManagementModuleDirectory, gcp.ManagementVarFile(stage));
        }

        return data;
    }

    /// <summary>Variable names with whether they have a default.</summary>
    private static Dictionary<string, bool> Declarations(string module)
    {
        var text = File.ReadAllText(Path.Combine(module, "variables.tf"));
        return VariableBlock().Matches(text).ToDictionary(
            match => match.Groups["name"].Value, match => DefaultLine().IsMatch(match.Groups["body"].Value));
    }

    private static string[] Assignments(string varFile) =>
        [.. File.ReadAllLines(varFile).Select(line => Assignment().Match(line)).Where(match => match.Success)
            .Select(match => match.Groups["name"].Value)];

    [GeneratedRegex("""^variable "(?<name>[a-z_0-9]+)" \{(?<body>.*?)^\}""", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex VariableBlock();

    [GeneratedRegex(@"^\s{2}default\s+=", RegexOptions.Multiline)]
    private static partial Regex DefaultLine();

    [GeneratedRegex(@"^(?<name>[a-z_0-9]+)\s*=")]
    private static partial Regex Assignment();
}
