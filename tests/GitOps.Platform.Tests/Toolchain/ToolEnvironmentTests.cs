using GitOps.Platform.Toolchain;
using GitOps.Targets.Output;
using GitOps.Targets.Tooling;

namespace GitOps.Platform.Tests.Toolchain;

/// <summary>
/// Real child processes started through the build's runner with canary values in the build's own environment (as
/// trigger variables land there in a pipeline): the child sees none of them, and does see what the build sets for it.
/// The variables are the test process's own, so this class runs alone (see <see cref="ProcessEnvironmentTests"/>).
/// </summary>
[Collection(ProcessEnvironmentTests.Name)]
public sealed class ToolEnvironmentTests : IDisposable
{
    private const string Canary = "canary-5d1e";

    private static readonly Dictionary<string, string> Steering = new(StringComparer.Ordinal)
    {
        ["TF_CLI_ARGS"] = "-var=x=" + Canary,
        ["TF_CLI_ARGS_plan"] = "-target=" + Canary,
        ["TF_CLI_CONFIG_FILE"] = "/tmp/" + Canary + ".tfrc",
        ["TF_VAR_project_id"] = Canary,
        ["GOOGLE_CREDENTIALS"] = "{\"type\":\"service_account\",\"private_key\":\"" + Canary + "\"}",
        ["GOOGLE_OAUTH_ACCESS_TOKEN"] = Canary,
        ["CLOUDSDK_AUTH_ACCESS_TOKEN_FILE"] = "/tmp/" + Canary,
        ["GIT_CONFIG_COUNT"] = "1",
        ["GIT_CONFIG_KEY_0"] = "core.sshCommand",
        ["GIT_CONFIG_VALUE_0"] = Canary,
        ["GIT_SSH_COMMAND"] = Canary,
        ["BASH_ENV"] = "/tmp/" + Canary + ".sh",
        ["ENV"] = "/tmp/" + Canary + ".sh",
        ["HELM_PLUGINS"] = "/tmp/" + Canary,
        ["HELM_REGISTRY_CONFIG"] = "/tmp/" + Canary,
        ["KUBECONFIG"] = "/tmp/" + Canary,
        ["NODE_OPTIONS"] = "--require=/tmp/" + Canary + ".js",
        ["npm_config_script_shell"] = "/tmp/" + Canary,
        ["LD_PRELOAD"] = "/tmp/" + Canary + ".so",
        ["SSL_CERT_FILE"] = "/tmp/" + Canary + ".pem",
    };

    private readonly string bin = Directory.CreateTempSubdirectory("gitops-toolenv-").FullName;
    private readonly Dictionary<string, string?> saved = [];

    public ToolEnvironmentTests()
    {
        foreach (var (name, value) in Steering.Append(new("GOOGLE_APPLICATION_CREDENTIALS", "/tmp/adc-" + Canary + ".json")).Append(new("CLOUDSDK_CONFIG", "/tmp/adc-" + Canary)))
        {
            saved[name] = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    public void Dispose()
    {
        foreach (var (name, value) in saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        Directory.Delete(bin, recursive: true);
    }

    [Theory]
    [InlineData("helm")]
    [InlineData("git")]
    [InlineData("kubectl")]
    [InlineData("node")]
    [InlineData("terraform")]
    public async Task In_a_pipeline_no_steering_variable_reaches_a_tool_and_what_the_build_sets_does(string tool)
    {
        var seen = await ChildEnvironmentAsync(tool, inPipeline: true, new Dictionary<string, string?> { ["TF_DATA_DIR"] = "/deliberate", ["GIT_CONFIG_GLOBAL"] = "/deliberate.gitconfig" });

        seen.Keys.Intersect(Steering.Keys).ShouldBeEmpty($"{tool} saw variables it must not");
        seen.Values.ShouldNotContain(value => value.Contains(Canary, StringComparison.Ordinal) && !value.Contains("adc-", StringComparison.Ordinal));
        seen["TF_DATA_DIR"].ShouldBe("/deliberate");
        seen["GIT_CONFIG_GLOBAL"].ShouldBe("/deliberate.gitconfig");
        seen.ShouldContainKey("PATH");
        seen.ShouldContainKey("HOME");
    }

    [Fact]
    public async Task Locally_only_terraform_gets_the_application_default_credentials_the_build_uses_too()
    {
        var terraform = await ChildEnvironmentAsync("terraform", inPipeline: false, new Dictionary<string, string?>());
        terraform["GOOGLE_APPLICATION_CREDENTIALS"].ShouldBe("/tmp/adc-" + Canary + ".json");
        terraform["CLOUDSDK_CONFIG"].ShouldBe("/tmp/adc-" + Canary);
        (await ChildEnvironmentAsync("helm", inPipeline: false, new Dictionary<string, string?>())).ShouldNotContainKey("GOOGLE_APPLICATION_CREDENTIALS");
    }

    /// <summary>
    /// A pipeline variable GOOGLE_APPLICATION_CREDENTIALS could name an external_account file whose token_url is someone
    /// else's host: in a pipeline terraform gets only the Workload Identity file the build wrote and sets itself.
    /// </summary>
    [Fact]
    public async Task In_a_pipeline_terraform_gets_only_the_credential_file_the_build_sets_never_an_inherited_one()
    {
        var inherited = await ChildEnvironmentAsync("terraform", inPipeline: true, new Dictionary<string, string?>());
        var deliberate = await ChildEnvironmentAsync("terraform", inPipeline: true, new Dictionary<string, string?> { ["GOOGLE_APPLICATION_CREDENTIALS"] = "/build/google/external-account.json" });

        inherited.ShouldNotContainKey("GOOGLE_APPLICATION_CREDENTIALS");
        inherited.ShouldNotContainKey("CLOUDSDK_CONFIG");
        deliberate["GOOGLE_APPLICATION_CREDENTIALS"].ShouldBe("/build/google/external-account.json");
        deliberate.ShouldNotContainKey("CLOUDSDK_CONFIG");
    }

    [Fact]
    public async Task Locally_a_corporate_ca_bundle_still_reaches_the_tools_but_not_in_a_pipeline()
    {
        (await ChildEnvironmentAsync("helm", inPipeline: false, new Dictionary<string, string?>()))["SSL_CERT_FILE"].ShouldBe("/tmp/" + Canary + ".pem");
        (await ChildEnvironmentAsync("helm", inPipeline: true, new Dictionary<string, string?>())).ShouldNotContainKey("SSL_CERT_FILE");
    }

    /// <summary>What a child started as <paramref name="tool"/> (a script in a temporary bin directory, by full path, as the toolchain runs its tools) saw.</summary>
    private async Task<Dictionary<string, string>> ChildEnvironmentAsync(string tool, bool inPipeline, Dictionary<string, string?> deliberate)
    {
        var script = Path.Combine(bin, tool);
        await File.WriteAllTextAsync(script, "#!/bin/sh\nexec env\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var runner = new IsolatedToolRunner(new ToolRunner(new ToolLocator(bin), NullLog.Instance, new SecretMasker()), () => inPipeline, new PipelineToolHome(Path.Combine(bin, "temp"), bin));

        var result = await runner.RunAsync(new ToolInvocation(script, []) { Environment = deliberate, StreamOutput = false }, CancellationToken.None);

        result.StandardError.ShouldNotContain(Canary, customMessage: "LD_PRELOAD or BASH_ENV reached the child");
        return result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('=', 2)).Where(pair => pair.Length == 2)
            .GroupBy(pair => pair[0], StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.First()[1], StringComparer.Ordinal);
    }
}
