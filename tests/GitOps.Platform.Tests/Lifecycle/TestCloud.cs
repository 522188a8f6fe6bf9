using GitOps.Platform.Clouds;

namespace GitOps.Platform.Tests.Lifecycle;

/// <summary>"gcp" as far as the build can tell, but its root modules are the test's terraform_data modules.</summary>
internal sealed class TestCloud(string terraformRoot) : ICloudProvider
{
    public string Name => "gcp";

    public string EnvironmentModuleDirectory => Path.Combine(terraformRoot, "environment-cluster");

    public string ManagementModuleDirectory => Path.Combine(terraformRoot, "management-cluster");

    public IReadOnlyList<string> RequiredEnvironmentVariables => [];

    public IReadOnlyDictionary<string, string> VariablesFromEnvironment { get; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> VariablesMatchingEnvironment { get; } = new Dictionary<string, string>();

    public string EnvironmentVarFile(string stage) => Path.Combine(terraformRoot, "stages", $"{stage}.tfvars");

    public string ManagementVarFile(string stage) => Path.Combine(terraformRoot, "stages", "mgmt", $"{stage}.tfvars");
}
