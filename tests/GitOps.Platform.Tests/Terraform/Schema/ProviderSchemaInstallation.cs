using GitOps.Targets.Output;
using GitOps.Targets.Tooling;

namespace GitOps.Platform.Tests.Terraform.Schema;

/// <summary>
/// The google provider's schema and HashiCorp's HCL parser, installed once per test run by
/// tests/tools/install-provider-schema.sh into .nuke/tools (the Test target runs it first). When they cannot be
/// installed the tests that need them fail with the reason; they are never skipped.
/// </summary>
internal sealed class ProviderSchemaInstallation(ProviderSchema schema, string nodeModules)
{
    public const string ProviderVersion = "6.50.0";

    private static readonly Lazy<Task<ProviderSchemaInstallation>> Installed = new(InstallAsync);

    public ProviderSchema Schema { get; } = schema;

    /// <summary>node_modules holding @cdktf/hcl2json.</summary>
    public string NodeModules { get; } = nodeModules;

    public static Task<ProviderSchemaInstallation> GetAsync() => Installed.Value;

    private static async Task<ProviderSchemaInstallation> InstallAsync()
    {
        var runner = new ToolRunner(new ToolLocator(Path.Combine(RepositoryRoot.Path, ".nuke", "tools")), NullLog.Instance, new SecretMasker());
        var installer = Path.Combine(RepositoryRoot.Path, "tests", "tools", "install-provider-schema.sh");
        try
        {
            var result = await runner.RunAsync(
                new ToolInvocation("bash", [installer]) { StreamOutput = false, Timeout = TimeSpan.FromMinutes(10) },
                CancellationToken.None);
            var prefix = result.StandardOutput.TrimEnd().Split('\n')[^1];
            var schema = ProviderSchema.Load(Path.Combine(prefix, $"google-{ProviderVersion}.json"));
            return new ProviderSchemaInstallation(schema, Path.Combine(prefix, "node_modules"));
        }
        catch (ToolFailedException exception)
        {
            throw new InvalidOperationException(
                $"the hashicorp/google {ProviderVersion} schema is required by this test and could not be installed by {installer} (it needs node and npm): {exception.Message}",
                exception);
        }
    }
}
