using GitOps.EndToEnd.Tests.Support;

namespace GitOps.EndToEnd.Tests;

/// <summary>The default target on a fresh clone, and what it says when an environment is broken.</summary>
[Collection(SharedClone.Name)]
public sealed class VerifyTests(FreshClone clone)
{
    [Fact]
    public void Default_target_verifies_all_five_environments_and_says_so()
    {
        var result = clone.BuildSh("--no-logo");
        result.ExitCode.ShouldBe(0, result.Output + result.Error);
        result.Output.ShouldContain("Verified 5 environments with no findings: dev-gcp, nightly-gcp, qa-gcp, qa-int-gcp, prod-gcp");
        result.Output.ShouldContain("Build succeeded");
    }

    [Fact]
    public void A_broken_version_a_plaintext_secret_and_a_missing_values_file_are_all_reported_with_their_files()
    {
        var qaValues = Path.Combine(clone.Root, "environments", "qa", "values-qa-gcp.yaml");
        var prodValues = Path.Combine(clone.Root, "environments", "prod", "values-prod-gcp.yaml");
        var secret = Path.Combine(clone.Root, "environments", "qa", "leaked-secret.yaml");
        var originalQa = File.ReadAllText(qaValues);
        var originalProd = File.ReadAllText(prodValues);
        try
        {
            File.WriteAllText(qaValues, originalQa.Replace("deployedRelease: 1.4.2", "deployedRelease: latest", StringComparison.Ordinal));
            File.WriteAllText(secret, "apiVersion: v1\nkind: Secret\nmetadata:\n  name: leaked\nstringData:\n  password: hunter2\n");
            File.Delete(prodValues);

            var result = clone.BuildSh("Verify", "--no-logo");

            result.ExitCode.ShouldBe(1);
            result.Output.ShouldContain("environments/qa/values-qa-gcp.yaml:");
            result.Output.ShouldContain("deployedRelease 'latest' is not a SemVer");
            result.Output.ShouldContain("environments/qa/leaked-secret.yaml:2: GO014");
            result.Output.ShouldContain("environments/prod/values-prod-gcp.yaml");
            result.Output.ShouldContain("GO002");
            result.Output.ShouldNotContain("hunter2");
        }
        finally
        {
            File.WriteAllText(qaValues, originalQa);
            File.WriteAllText(prodValues, originalProd);
            File.Delete(secret);
        }
    }

    [Fact]
    public void Render_writes_the_environment_manifests_for_review()
    {
        var result = clone.BuildSh("Render", "--stage", "qa", "--cloud", "gcp", "--no-logo");
        result.ExitCode.ShouldBe(0, result.Output + result.Error);
        var rendered = Path.Combine(clone.Root, ".nuke", "temp", "rendered", "qa-gcp");
        Directory.GetFiles(rendered, "*.yaml").ShouldNotBeEmpty();
    }
}
