using GitOps.Platform.Environments;
using GitOps.Platform.Promotion.Pins;
using GitOps.Targets.Errors;

namespace GitOps.Platform.Promotion.Service;

/// <summary>
/// The promotion targets' own flags, checked with the requirements before anything runs: a mistake is a usage error
/// (exit 2) naming the flag, never a failed target after GitLab was asked.
/// </summary>
public static class PromotionArguments
{
    /// <summary>True when <paramref name="text"/> is unset or a SemVer release.</summary>
    /// <exception cref="UsageException">It is neither; the message names <paramref name="flag"/>.</exception>
    public static bool RequireSemVer(string? text, string flag)
    {
        try
        {
            return text is null || ReleaseVersion.Parse(text, flag) is not null;
        }
        catch (PromotionRefusedException refusal)
        {
            throw new UsageException(refusal.Message, refusal);
        }
    }

    /// <summary>True when Rollback's <c>--to</c> is unset, a SemVer release or <c>RELEASE@SHA</c> (<see cref="RollbackTarget"/>).</summary>
    /// <exception cref="UsageException">It is neither; the message names --to and what it takes.</exception>
    public static bool RequireRollbackTarget(string? text)
    {
        try
        {
            return text is null || RollbackTarget.Parse(text) is not null;
        }
        catch (PromotionRefusedException refusal)
        {
            throw new UsageException(refusal.Message, refusal);
        }
    }

    /// <summary>
    /// True when the revision the PostSync trigger reports (REVISION) is unset or a full SHA: anyone holding the trigger
    /// token chooses it, and it is only ever compared with the checkout's pin.
    /// </summary>
    /// <exception cref="UsageException">It is something else.</exception>
    public static bool RequireFullSha(string? revision) => revision is null || CommitRevision.IsFull(revision) || IsFullSha256(revision)
        ? true
        : throw new UsageException($"--revision (REVISION): '{revision}' is not a full commit SHA; the PostSync hook passes ARGOCD_APP_REVISION, 40 lowercase hex digits (64 in a SHA-256 repository)");

    private static bool IsFullSha256(string revision) => revision.Length == 64 && revision.All(character => character is (>= '0' and <= '9') or (>= 'a' and <= 'f'));

    /// <summary>
    /// True unless RELEASE is given without REVISION for a pinned stage (qa, qa-int, prod). Its PostSync hook posts both
    /// (e2eTrigger.revision is $ARGOCD_APP_REVISION, which Verify requires), and only with both can RunE2E compare the
    /// pair the environment runs with the one the checkout pins; with the release alone it would record a pass for a
    /// pair nobody compared (review F4). Neither given tests, and records, the pair the checkout pins.
    /// </summary>
    /// <exception cref="UsageException">RELEASE without REVISION on a pinned stage; the message says what to send.</exception>
    public static bool RequireRevisionWithRelease(StageCatalog catalog, Stage? stage, string? release, string? revision, bool isPipeline)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (stage is not { } pinned || release is null || revision is not null || !catalog.IsPinned(pinned))
        {
            return true;
        }

        var name = pinned.ToName();
        throw new UsageException(isPipeline
            ? $"REVISION (--revision) is empty, but RELEASE is {release}: {name} is pinned, and its PostSync hook posts the commit Argo CD synced "
                + $"(ARGOCD_APP_REVISION) with the release, so RunE2E can check that {name} runs the pair this checkout pins; trigger with REVISION set to "
                + "that 40-hex commit. Nothing was run."
            : $"--release {release} without --revision: {name} is pinned, so RunE2E checks the pair Argo CD synced; give --revision "
                + "<the 40-hex commit Argo CD synced (ARGOCD_APP_REVISION)>, or leave out --release to test the pair this checkout pins. Nothing was run.");
    }
}
