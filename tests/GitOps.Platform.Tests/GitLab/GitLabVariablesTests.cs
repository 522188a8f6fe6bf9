using System.Globalization;
using GitOps.TestDoubles.GitLab;
using GitOps.Targets.Output;

namespace GitOps.Platform.Tests.GitLab;

public sealed class GitLabVariablesTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Lists_every_variable_across_pages_following_next_page_headers(bool omitTotals)
    {
        await using var fake = await FakeGitLab.StartAsync();
        fake.OmitTotals = omitTotals;
        for (var index = 0; index < 250; index++)
        {
            fake.AddVariable(new FakeVariable(string.Create(CultureInfo.InvariantCulture, $"VAR_{index:000}"), $"value-{index}"));
        }

        using var client = GitLabTestClient.Create(fake);
        var variables = await client.ListVariablesAsync(CancellationToken.None);

        variables.Count.ShouldBe(250);
        variables.Select(variable => variable.Key).Distinct().Count().ShouldBe(250);
        var pages = fake.Requests.Where(request => request.Path.EndsWith("/variables", StringComparison.Ordinal)).ToList();
        pages.Select(request => request.Query).ShouldBe(
            ["page=1&per_page=100", "page=2&per_page=100", "page=3&per_page=100"]);
    }

    [Fact]
    public async Task Every_variable_value_is_registered_as_a_secret()
    {
        await using var fake = await FakeGitLab.StartAsync();
        fake.AddVariable(new FakeVariable("DB_PASSWORD", "s3cr3t-db-password"));
        var masker = new SecretMasker();
        using var client = GitLabTestClient.Create(fake, masker);

        await client.ListVariablesAsync(CancellationToken.None);

        masker.Apply("password is s3cr3t-db-password").ShouldBe("password is ***");
        masker.Apply($"token {fake.MaintainerToken}").ShouldBe("token ***");
    }

    [Fact]
    public async Task Loads_the_most_specific_scope_for_the_environment()
    {
        await using var fake = await FakeGitLab.StartAsync();
        fake.AddVariable(new FakeVariable("REGION", "everywhere"));
        fake.AddVariable(new FakeVariable("REGION", "any-dev", "dev/*"));
        fake.AddVariable(new FakeVariable("REGION", "dev-gcp-only", "dev/gcp"));
        fake.AddVariable(new FakeVariable("BUCKET", "dev-bucket", "dev/*"));
        fake.AddVariable(new FakeVariable("PROD_ONLY", "prod-value", "prod/*"));
        using var client = GitLabTestClient.Create(fake);
        var directory = Directory.CreateTempSubdirectory().FullName;

        var forDevGcp = await client.LoadVariablesAsync("dev/gcp", directory, CancellationToken.None);
        var forDevAws = await client.LoadVariablesAsync("dev/aws", directory, CancellationToken.None);
        var unscoped = await client.LoadVariablesAsync(null, directory, CancellationToken.None);

        forDevGcp.Values.ShouldBe(new Dictionary<string, string> { ["BUCKET"] = "dev-bucket", ["REGION"] = "dev-gcp-only" });
        forDevAws.Values.ShouldBe(new Dictionary<string, string> { ["BUCKET"] = "dev-bucket", ["REGION"] = "any-dev" });
        unscoped.Values.ShouldBe(new Dictionary<string, string> { ["REGION"] = "everywhere" });
    }

    [Fact]
    public async Task A_masked_and_hidden_variable_is_listed_without_a_value_and_loaded_as_unreadable()
    {
        await using var fake = await FakeGitLab.StartAsync();
        fake.AddVariable(new FakeVariable("VISIBLE", "visible-value"));
        fake.AddVariable(new FakeVariable("SEALED", "sealed-value-Qz30", "dev/*") { Hidden = true });
        fake.AddVariable(new FakeVariable("SEALED_FILE", "sealed-file-Qz31", VariableType: "file") { Hidden = true });
        using var client = GitLabTestClient.Create(fake);
        var directory = Directory.CreateTempSubdirectory().FullName;

        var listed = await client.ListVariablesAsync(CancellationToken.None);
        var loaded = await client.LoadVariablesAsync("dev/gcp", directory, CancellationToken.None);

        var sealedVariable = listed.Single(variable => variable.Key == "SEALED");
        (sealedVariable.Value, sealedVariable.Hidden, sealedVariable.Masked, sealedVariable.IsUnreadable).ShouldBe((null, true, true, true));
        loaded.Values.ShouldBe(new Dictionary<string, string> { ["VISIBLE"] = "visible-value" });
        loaded.Unreadable.ShouldBe(["SEALED", "SEALED_FILE"]);
        Directory.EnumerateFiles(directory).ShouldBeEmpty();
    }

    [Fact]
    public async Task File_variables_become_owner_only_files_whose_path_is_the_value()
    {
        await using var fake = await FakeGitLab.StartAsync();
        const string Credentials = "{\"type\":\"service_account\",\"private_key\":\"-----BEGIN KEY-----\"}";
        fake.AddVariable(new FakeVariable("GOOGLE_APPLICATION_CREDENTIALS", Credentials, VariableType: "file"));
        using var client = GitLabTestClient.Create(fake);
        var directory = Path.Combine(Directory.CreateTempSubdirectory().FullName, "secrets");

        var loaded = await client.LoadVariablesAsync("dev/gcp", directory, CancellationToken.None);

        var path = loaded.Values["GOOGLE_APPLICATION_CREDENTIALS"];
        path.ShouldBe(Path.Combine(directory, "GOOGLE_APPLICATION_CREDENTIALS"));
        (await File.ReadAllTextAsync(path)).ShouldBe(Credentials);
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.GetUnixFileMode(directory).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public async Task A_wider_file_left_from_before_is_replaced_by_an_owner_only_one()
    {
        await using var fake = await FakeGitLab.StartAsync();
        fake.AddVariable(new FakeVariable("KUBECONFIG", "apiVersion: v1\nkind: Config\n", VariableType: "file"));
        using var client = GitLabTestClient.Create(fake);
        var directory = Directory.CreateTempSubdirectory().FullName;
        var stale = Path.Combine(directory, "KUBECONFIG");
        await File.WriteAllTextAsync(stale, "an older, longer kubeconfig that must not survive in part");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(stale, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }

        var loaded = await client.LoadVariablesAsync("dev/gcp", directory, CancellationToken.None);

        (await File.ReadAllTextAsync(loaded.Values["KUBECONFIG"])).ShouldBe("apiVersion: v1\nkind: Config\n");
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(stale).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [Fact]
    public async Task A_project_path_is_sent_url_encoded()
    {
        await using var fake = await FakeGitLab.StartAsync();
        fake.AddVariable(new FakeVariable("A", "alpha-value"));
        using var client = GitLabTestClient.Create(fake, project: "platform/gitops");

        var variables = await client.ListVariablesAsync(CancellationToken.None);

        variables.ShouldHaveSingleItem().Key.ShouldBe("A");
        fake.Requests.ShouldAllBe(request => request.Path.StartsWith("/api/v4/projects/platform%2Fgitops/", StringComparison.Ordinal));
    }
}
