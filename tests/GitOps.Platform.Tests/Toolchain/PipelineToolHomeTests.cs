using GitOps.Platform.Tests.Helm;
using GitOps.Platform.Toolchain;
using GitOps.Targets.Output;
using GitOps.Targets.Tooling;

namespace GitOps.Platform.Tests.Toolchain;

/// <summary>
/// The real terraform, git and helm, started through the build's runner while the build's HOME is a hostile one (as a
/// pipeline variable can set it) holding a canary .terraformrc, .gitconfig and helm plugin and repository. In a
/// pipeline none of them reads it; locally each does, since there HOME is the user's own. HOME is the test process's,
/// so this class runs alone (see <see cref="ProcessEnvironmentTests"/>).
/// </summary>
[Collection(ProcessEnvironmentTests.Name)]
public sealed class PipelineToolHomeTests : IDisposable
{
    private const string Canary = "canary-7b3f";

    private readonly string root = Directory.CreateTempSubdirectory("gitops-toolhome-").FullName;
    private readonly string? savedHome = Environment.GetEnvironmentVariable("HOME");

    /// <summary>The home of one build: what every launch of a test shares, as the launches of one build do.</summary>
    private readonly PipelineToolHome buildHome;

    public PipelineToolHomeTests()
    {
        buildHome = new PipelineToolHome(Path.Combine(root, "temp"), root);
        var hostile = Path.Combine(root, "hostile-home");
        Directory.CreateDirectory(hostile);
        // A development override is what terraform would load instead of the provider the lock file pins.
        File.WriteAllText(Path.Combine(hostile, ".terraformrc"), $$"""
            provider_installation {
              dev_overrides {
                "hashicorp/google" = "/tmp/{{Canary}}"
              }
              direct {}
            }
            """);
        File.WriteAllText(Path.Combine(hostile, ".gitconfig"), $"[canary]\n\tplanted = {Canary}\n[url \"https://{Canary}.example/\"]\n\tinsteadOf = https://gitlab.com/\n");
        var plugin = Directory.CreateDirectory(Path.Combine(hostile, ".local", "share", "helm", "plugins", Canary)).FullName;
        File.WriteAllText(Path.Combine(plugin, "plugin.yaml"), $"name: \"{Canary}\"\nversion: \"0.1.0\"\nusage: \"planted\"\ndescription: \"planted\"\ncommand: \"echo {Canary}\"\n");
        var helmConfig = Directory.CreateDirectory(Path.Combine(hostile, ".config", "helm")).FullName;
        File.WriteAllText(Path.Combine(helmConfig, "repositories.yaml"), $"apiVersion: \"\"\ngenerated: \"0001-01-01T00:00:00Z\"\nrepositories:\n- name: {Canary}\n  url: https://{Canary}.example/charts\n");
        Directory.CreateDirectory(Path.Combine(root, "module"));
        File.WriteAllText(Path.Combine(root, "module", "main.tf"), "terraform {}\n");
        Environment.SetEnvironmentVariable("HOME", hostile);
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("HOME", savedHome);
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public async Task Terraform_in_a_pipeline_does_not_read_the_terraformrc_of_the_inherited_home()
    {
        string[] validate = ["-chdir=" + Path.Combine(root, "module"), "validate", "-no-color"];

        (await RunAsync("terraform", validate, inPipeline: false)).ShouldContain(Canary, customMessage: "locally the user's ~/.terraformrc applies");
        var pipeline = await RunAsync("terraform", validate, inPipeline: true);

        pipeline.ShouldNotContain(Canary);
        pipeline.ShouldContain("Success");
    }

    [Fact]
    public async Task Git_in_a_pipeline_does_not_read_the_gitconfig_of_the_inherited_home()
    {
        string[] read = ["config", "--get-regexp", "canary|insteadof"];

        (await RunAsync("git", read, inPipeline: false)).ShouldContain(Canary, customMessage: "locally the user's ~/.gitconfig applies");
        (await RunAsync("git", read, inPipeline: true)).ShouldNotContain(Canary);
    }

    [Fact]
    public async Task Helm_in_a_pipeline_finds_neither_plugins_nor_repositories_of_the_inherited_home()
    {
        var helm = await TestHelm.PathAsync();

        (await RunAsync(helm, ["plugin", "list"], inPipeline: false)).ShouldContain(Canary, customMessage: "locally the user's helm plugins apply");
        (await RunAsync(helm, ["repo", "list"], inPipeline: false)).ShouldContain(Canary);
        (await RunAsync(helm, ["plugin", "list"], inPipeline: true)).ShouldNotContain(Canary);
        (await RunAsync(helm, ["repo", "list"], inPipeline: true)).ShouldNotContain(Canary);
        (await RunAsync(helm, ["env"], inPipeline: true)).ShouldContain(Path.Combine(root, "temp", "home"));
    }

    /// <summary>Runners whose job user does not own the checkout relied on a global safe.directory in the inherited HOME.</summary>
    [Fact]
    public async Task In_a_pipeline_git_trusts_the_checkout_the_build_runs_from_and_no_other_directory()
    {
        (await RunAsync("git", ["config", "--global", "--get-all", "safe.directory"], inPipeline: true)).Trim().ShouldBe(root.Replace('\\', '/'));
    }

    [Fact]
    public async Task The_pipeline_home_is_emptied_and_owner_only_and_a_link_in_its_place_is_not_followed()
    {
        var home = Path.Combine(root, "temp", "home");
        var elsewhere = Directory.CreateDirectory(Path.Combine(root, "elsewhere")).FullName;
        File.WriteAllText(Path.Combine(elsewhere, ".gitconfig"), $"[canary]\n\tplanted = {Canary}\n");
        Directory.CreateDirectory(Path.Combine(root, "temp"));
        Directory.CreateSymbolicLink(home, elsewhere);

        (await RunAsync("git", ["config", "--get", "canary.planted"], inPipeline: true)).ShouldNotContain(Canary);

        new DirectoryInfo(home).LinkTarget.ShouldBeNull();
        File.Exists(Path.Combine(elsewhere, ".gitconfig")).ShouldBeTrue("the link's target is not the build's to empty");
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(home).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        File.WriteAllText(Path.Combine(home, ".gitconfig"), $"[canary]\n\tplanted = {Canary}\n");
        (await RunAsync("git", ["config", "--get", "canary.planted"], inPipeline: true, new PipelineToolHome(Path.Combine(root, "temp"), root))).ShouldNotContain(Canary, customMessage: "a later build starts with an empty home");
    }

    private async Task<string> RunAsync(string tool, string[] arguments, bool inPipeline, PipelineToolHome? home = null)
    {
        var runner = new IsolatedToolRunner(new ToolRunner(new ToolLocator(Path.Combine(root, "tools")), NullLog.Instance, new SecretMasker()), () => inPipeline, home ?? buildHome);
        var result = await runner.RunAsync(new ToolInvocation(tool, arguments) { WorkingDirectory = root, StreamOutput = false, ThrowOnFailure = false }, CancellationToken.None);
        return result.StandardOutput + result.StandardError;
    }
}
