using GitOps.EndToEnd.Tests.Support;
using GitOps.TestDoubles.GitLab;

namespace GitOps.EndToEnd.Tests;

/// <summary>
/// PrepareSensitiveInformation as a developer runs it: the project's CI/CD variables come from (a fake) GitLab over
/// many pages and never show in anything the build prints or leaves behind.
/// </summary>
[Collection(SharedClone.Name)]
public sealed class SensitiveInformationTests(FreshClone clone)
{
    private const string VariableCanary = "canary-variable-value-8c1f";
    private const string FileCanary = "canary-file-content-2d7e";

    [Fact]
    public async Task Loads_every_page_of_variables_and_masks_them_everywhere()
    {
        await using var gitLab = await FakeGitLab.StartAsync();
        for (var i = 0; i < 230; i++)
        {
            gitLab.AddVariable(new FakeVariable($"VAR_{i:000}", $"value-{i:000}-{VariableCanary}"));
        }

        gitLab.AddVariable(new FakeVariable("SERVICE_ACCOUNT_JSON", FileCanary, "dev/*", "file"));
        gitLab.AddVariable(new FakeVariable("QA_ONLY", "not-for-dev-" + VariableCanary, "qa/*"));

        var result = clone.BuildSh(Environment(gitLab, gitLab.MaintainerToken), "PrepareSensitiveInformation", "--stage", "dev", "--cloud", "gcp", "--verbosity", "verbose");

        result.ExitCode.ShouldBe(0, result.Output + result.Error);
        result.Output.ShouldContain("Loaded 231 CI/CD variable(s) from GitLab project 42 (for environment dev/gcp)");
        gitLab.Requests.Count(request => request.Path.EndsWith("/variables", StringComparison.Ordinal)).ShouldBe(3);
        AssertNoCanaryLeft(result, gitLab.MaintainerToken);
        var secretFile = Path.Combine(clone.Root, ".nuke", "temp", "secrets", "SERVICE_ACCOUNT_JSON");
        File.ReadAllText(secretFile).ShouldBe(FileCanary);
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(secretFile).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [Fact]
    public async Task A_wrong_token_ends_in_one_clear_line_saying_401()
    {
        await using var gitLab = await FakeGitLab.StartAsync();
        const string wrongToken = "glpat-wrong-token-canary-41x";

        var result = clone.BuildSh(Environment(gitLab, wrongToken), "PrepareSensitiveInformation", "--stage", "dev", "--cloud", "gcp", "--no-logo");

        result.ExitCode.ShouldBe(1);
        var failure = result.Output.Split('\n').Single(line => line.StartsWith("PrepareSensitiveInformation failed:", StringComparison.Ordinal));
        failure.ShouldContain("401 Unauthorized");
        (result.Output + result.Error).ShouldNotContain(wrongToken);
        (result.Output + result.Error).ShouldNotContain("   at ");
    }

    [Fact]
    public void The_newcomer_report_reads_dot_env_and_masks_its_secrets()
    {
        const string tokenCanary = "glpat-dotenv-canary-77a";
        var dotEnv = Path.Combine(clone.Root, ".env");
        File.WriteAllText(dotEnv, $"GITLAB_TOKEN={tokenCanary}\n");
        try
        {
            var result = clone.BuildSh("ListSensitiveInformation", "--gitlab-project", "platform/gitops", "--no-logo");

            result.Output.ShouldMatch(@"set\s+GITLAB_TOKEN\s+\*\*\*\s+\(\.env\)");
            result.Output.ShouldMatch(@"set\s+CI_PROJECT_ID\s+platform/gitops");
            result.Output.ShouldMatch(@"missing\s+CI_API_V4_URL\s+required");
            result.ExitCode.ShouldBe(1, "required variables are still missing");
            (result.Output + result.Error).ShouldNotContain(tokenCanary);
        }
        finally
        {
            File.Delete(dotEnv);
        }
    }

    [Fact]
    public void A_repository_on_GitHub_does_not_ask_GitLab_for_variables()
    {
        var origin = FreshClone.Git(clone.Root, "remote", "get-url", "origin").Trim();
        FreshClone.Git(clone.Root, "remote", "set-url", "origin", "https://github.com/example/gitops.git");
        try
        {
            var result = clone.BuildSh("PrepareSensitiveInformation", "--no-logo");

            result.ExitCode.ShouldBe(0, result.Output + result.Error);
            result.Output.ShouldContain("Not loading CI/CD variables from GitLab: this repository's origin is on GitHub");
        }
        finally
        {
            FreshClone.Git(clone.Root, "remote", "set-url", "origin", origin);
        }
    }

    private static Dictionary<string, string?> Environment(FakeGitLab gitLab, string token) => new()
    {
        ["CI_API_V4_URL"] = gitLab.ApiUrl.ToString(),
        ["GITLAB_TOKEN"] = token,
        ["CI_PROJECT_ID"] = gitLab.ProjectId.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private void AssertNoCanaryLeft(ProcessResult result, string token)
    {
        foreach (var secret in new[] { VariableCanary, FileCanary, token })
        {
            result.Output.ShouldNotContain(secret);
            result.Error.ShouldNotContain(secret);
        }

        // Every file the builds left in the clone (untracked, ignored or not), but the 0600 files meant to hold secrets.
        var leftBehind = FreshClone.Git(clone.Root, "ls-files", "--others", "-z").Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Where(file => !file.StartsWith(".nuke/temp/secrets/", StringComparison.Ordinal) && !file.StartsWith(".nuke/tools/", StringComparison.Ordinal))
            .ToList();
        leftBehind.ShouldContain(".nuke/temp/build.log");
        foreach (var file in leftBehind)
        {
            var text = File.ReadAllText(Path.Combine(clone.Root, file));
            foreach (var secret in new[] { VariableCanary, FileCanary, token })
            {
                text.ShouldNotContain(secret, customMessage: file);
            }
        }
    }
}
