using System.Text.Json.Nodes;
using GitOps.Platform.Tests.Terraform.Schema;

namespace GitOps.Platform.Tests.Terraform;

/// <summary>
/// The committed Terraform against the real hashicorp/google schema (see <see cref="TerraformSchemaCheck"/>): what
/// `terraform validate` would catch, run without downloading the provider.
/// </summary>
public sealed class TerraformSchemaTests
{
    private static readonly string TerraformRoot = Path.Combine(RepositoryRoot.Path, "environments", "terraform");

    [Fact]
    public async Task Every_tf_file_matches_the_google_provider_schema()
    {
        var installation = await ProviderSchemaInstallation.GetAsync();
        var tree = await TerraformTree.LoadAsync(TerraformRoot, RepositoryRoot.Path, new HclParser(installation.NodeModules));

        var findings = tree.ParseErrors.Concat(new TerraformSchemaCheck(installation.Schema).Check(tree.Modules)).Select(finding => finding.ToString()).ToArray();

        tree.Files.Count().ShouldBeGreaterThan(10);
        findings.ShouldBeEmpty(string.Join('\n', findings));
    }

    [Fact]
    public async Task Every_root_and_module_pins_exactly_the_provider_version_the_schema_was_generated_from()
    {
        var installation = await ProviderSchemaInstallation.GetAsync();
        var tree = await TerraformTree.LoadAsync(TerraformRoot, RepositoryRoot.Path, new HclParser(installation.NodeModules));

        installation.Schema.Version.ShouldBe(ProviderSchemaInstallation.ProviderVersion);
        var pins = tree.Files
            .SelectMany(file => (file.Body["terraform"]?.AsArray() ?? []).OfType<JsonObject>()
                .SelectMany(terraform => terraform["required_providers"]?.AsArray().OfType<JsonObject>() ?? [])
                .Where(providers => providers.ContainsKey("google"))
                .Select(providers => (file.DisplayPath, Source: providers["google"]!["source"]?.GetValue<string>(), Version: providers["google"]!["version"]?.GetValue<string>())))
            .ToArray();
        var modules = tree.Modules.Where(module => module.Files.Any(file => file.Body["resource"] is not null || file.Body["provider"] is not null)).ToArray();

        pins.Length.ShouldBe(modules.Length, "every module that uses the google provider declares it in required_providers");
        pins.ShouldAllBe(pin => pin.Source == installation.Schema.Source && pin.Version == $"= {installation.Schema.Version}",
            string.Join('\n', pins.Select(pin => $"{pin.DisplayPath}: {pin.Source} {pin.Version}")));
    }
}
