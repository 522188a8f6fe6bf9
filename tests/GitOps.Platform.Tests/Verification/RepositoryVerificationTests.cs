using GitOps.Platform.Tests.Helm;
using GitOps.Platform.Verification;
using GitOps.Targets.Output;

namespace GitOps.Platform.Tests.Verification;

/// <summary>The repository's own environments, verified with the real helm and git.</summary>
public sealed class RepositoryVerificationTests
{
    [Fact]
    public async Task The_repositorys_environments_have_no_findings()
    {
        var verifier = new EnvironmentVerifier(await TestHelm.CliAsync(), await TestSchemas.ValidatorAsync(), TestHelm.Runner, NullLog.Instance);

        var findings = await verifier.VerifyAsync(RepositoryRoot.Path, CancellationToken.None);

        findings.Select(finding => finding.ToString()).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_pristine_copy_has_no_findings_either()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        var verifier = new EnvironmentVerifier(await TestHelm.CliAsync(), await TestSchemas.ValidatorAsync(), TestHelm.Runner, NullLog.Instance) { MaxParallelism = 1 };

        (await verifier.VerifyAsync(copy.Root, CancellationToken.None)).ShouldBeEmpty();
    }

    [Fact]
    public void Every_rule_is_described_once() =>
        typeof(RuleIds).GetFields().Select(field => (string)field.GetValue(null)!).Order()
            .ShouldBe(RuleIds.Descriptions.Keys.Order());
}
