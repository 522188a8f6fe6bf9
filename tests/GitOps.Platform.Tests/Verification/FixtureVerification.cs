using GitOps.Platform.Tests.Helm;
using GitOps.Platform.Verification;
using GitOps.Targets.Output;

namespace GitOps.Platform.Tests.Verification;

/// <summary>Verify over a broken repository copy, and the assertion every fixture makes on its findings.</summary>
internal static class FixtureVerification
{
    /// <summary>
    /// Verify after pinning the promoted stages at the broken working tree (<see cref="RepositoryCopy.PinToWorkingTreeAsync"/>),
    /// so a rule fixture that breaks the chart is checked for qa, qa-int and prod too, as it will run once promoted.
    /// </summary>
    public static async Task<IReadOnlyList<Finding>> VerifyAsync(RepositoryCopy copy)
    {
        await copy.PinToWorkingTreeAsync();
        return await VerifyAsIsAsync(copy);
    }

    /// <summary>Verify with the pins as the fixture left them.</summary>
    public static Task<IReadOnlyList<Finding>> VerifyAsIsAsync(RepositoryCopy copy) => VerifyAsIsAsync(copy, NullLog.Instance);

    /// <summary>As <see cref="VerifyAsIsAsync(RepositoryCopy)"/>, writing Verify's progress and notes to <paramref name="log"/>.</summary>
    public static async Task<IReadOnlyList<Finding>> VerifyAsIsAsync(RepositoryCopy copy, ILog log) =>
        await new EnvironmentVerifier(await TestHelm.CliAsync(), await TestSchemas.ValidatorAsync(), TestHelm.Runner, log).VerifyAsync(copy.Root, CancellationToken.None);

    public static void ShouldHave(IReadOnlyList<Finding> findings, string file, int line, string ruleId, string messagePart) =>
        findings.Any(finding => finding.File == file && finding.Line == line && finding.RuleId == ruleId
                && finding.Message.Contains(messagePart, StringComparison.Ordinal))
            .ShouldBeTrue($"expected {file}:{line}: {ruleId} ...{messagePart}... among:\n{string.Join('\n', findings)}");
}
