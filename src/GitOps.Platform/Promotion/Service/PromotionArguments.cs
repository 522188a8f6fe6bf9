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

    /// <summary>
    /// True when the revision the PostSync trigger reports (REVISION) is unset or a full SHA: anyone holding the trigger
    /// token chooses it, and it is only ever compared with the checkout's pin.
    /// </summary>
    /// <exception cref="UsageException">It is something else.</exception>
    public static bool RequireFullSha(string? revision) => revision is null || CommitRevision.IsFull(revision)
        ? true
        : throw new UsageException($"--revision (REVISION): '{revision}' is not a full commit SHA; the PostSync hook passes ARGOCD_APP_REVISION, 40 lowercase hex digits");
}
