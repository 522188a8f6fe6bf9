using GitOps.Targets.GitLabCi;

namespace GitOps.Targets.Tests.GitLabCi;

public sealed class IdTokensTests
{
    [Fact]
    public void Id_tokens_follow_the_variables_sorted_by_name_one_audience_as_a_string_several_as_a_list()
    {
        var job = new GitLabJob("deploy")
        {
            Script = ["deploy"],
            Variables = new Dictionary<string, string> { ["A"] = "b" },
            IdTokens = new Dictionary<string, GitLabIdToken>
            {
                ["VAULT_ID_TOKEN"] = new("https://vault.example.com", "https://vault-dr.example.com"),
                ["GCP_ID_TOKEN"] = new("https://iam.googleapis.com/$GCP_WORKLOAD_IDENTITY_PROVIDER"),
            },
        };

        new GitLabPipeline { Jobs = [job] }.ToYaml().ShouldContain("""
              variables:
                A: b
              id_tokens:
                GCP_ID_TOKEN:
                  aud: https://iam.googleapis.com/$GCP_WORKLOAD_IDENTITY_PROVIDER
                VAULT_ID_TOKEN:
                  aud:
                    - https://vault.example.com
                    - https://vault-dr.example.com
              script:
            """.Replace("\r", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public void An_id_token_without_audience_or_with_a_bad_name_is_reported()
    {
        var job = new GitLabJob("deploy")
        {
            Script = ["deploy"],
            IdTokens = new Dictionary<string, GitLabIdToken> { ["1TOKEN"] = new("aud"), ["NO_AUD"] = new() },
        };

        var errors = new GitLabPipeline { Jobs = [job] }.Validate();

        errors.ShouldContain(error => error.Contains("variable name '1TOKEN' is invalid", StringComparison.Ordinal));
        errors.ShouldContain("job 'deploy': id token 'NO_AUD' needs an aud (the audience the receiving service accepts)");
    }
}
