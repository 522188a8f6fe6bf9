using GitOps.Platform.ChangeRequests;
using GitOps.Platform.GitLab;
using GitOps.TestDoubles.GitLab;
using GitOps.Targets.Output;

namespace GitOps.Platform.Tests.GitLab;

/// <summary>Known token and variable values must never surface: not in exceptions, not in the (masked) log.</summary>
public sealed class SecretCanaryTests
{
    private const string CanaryValue = "canary-variable-value-Zq81";
    private const string CanaryFile = "canary-file-content-Hx27";

    [Fact]
    public async Task Token_and_variable_values_appear_in_no_exception_or_log_line()
    {
        await using var fake = await FakeGitLab.StartAsync();
        fake.AddVariable(new FakeVariable("CANARY", CanaryValue) { Masked = true });
        fake.AddVariable(new FakeVariable("CANARY_FILE", CanaryFile, VariableType: "file"));
        var masker = new SecretMasker();
        var log = new RecordingLog(masker);
        var messages = new List<string>();
        using var client = GitLabTestClient.Create(fake, masker, log, GitLabTestClient.FastOptions with { MaxRetries = 2 });
        using var wrongClient = GitLabTestClient.Create(fake, masker, log, token: "glpat-canary-wrong-Pt66");
        var directory = Directory.CreateTempSubdirectory().FullName;

        fake.Faults.Throttle(1, "0");
        fake.Faults.Fail(1, 503);
        var loaded = await client.LoadVariablesAsync("dev/gcp", directory, CancellationToken.None);
        fake.Faults.Fail(10, 500);
        messages.Add((await Should.ThrowAsync<GitLabApiException>(() => client.ListVariablesAsync(CancellationToken.None))).Message);
        fake.Faults.Clear();
        messages.Add((await Should.ThrowAsync<GitLabApiException>(() => wrongClient.ListVariablesAsync(CancellationToken.None))).Message);
        fake.Faults.FailAfterProcessing(1, 502, method: "POST");
        await client.OpenOrUpdateAsync(new ChangeRequestDraft("promote/qa", "qa", "Promote", CanaryValue), CancellationToken.None);
        messages.Add((await Should.ThrowAsync<GitLabApiException>(() => client.CreateCommitAsync(
            new CommitDraft("main", CanaryValue, [CommitAction.Update("x", CanaryValue)]), CancellationToken.None))).Message);

        loaded.Values["CANARY"].ShouldBe(CanaryValue);
        log.Lines.ShouldNotBeEmpty();
        string[] secrets = [fake.MaintainerToken, "glpat-canary-wrong-Pt66", CanaryValue, CanaryFile];
        foreach (var text in messages.Concat(log.Lines))
        {
            foreach (var secret in secrets)
            {
                text.ShouldNotContain(secret);
            }
        }

        foreach (var secret in secrets)
        {
            masker.Apply(secret).ShouldBe(SecretMasker.Mask);
        }
    }

    [Fact]
    public void A_connection_never_prints_its_token()
    {
        var connection = new GitLabConnection(new Uri("https://gitlab.example.com"), "glpat-printed-never-Yy3", GitLabTokenKind.PrivateToken, "group/app")
        {
            TriggerToken = "glptt-printed-never-Kk9",
        };

        connection.ToString().ShouldBe("https://gitlab.example.com/api/v4/ project group/app (PrivateToken)");
    }
}
