using GitOps.Platform.ChangeRequests;
using GitOps.Platform.Git;
using GitOps.Platform.Promotion.Publishing;
using GitOps.Targets.Output;

namespace GitOps.Platform.Promotion;

/// <summary>
/// Records a release whose e2e tests failed in <see cref="RejectedReleases.RelativePath"/>, by merge request on
/// <c>quarantine/&lt;version&gt;</c>. Entries for several environments of the same release accumulate on that branch.
/// </summary>
public sealed class ReleaseQuarantine(GitCli git, IChangeRequestHost host, ILog log)
{
    public PromotionGitSettings Settings { get; init; } = new();

    /// <summary>The quarantine merge request, or null when the target branch already lists this rejection.</summary>
    public async Task<ChangeRequest?> RecordAsync(RejectedRelease rejection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        var branch = $"quarantine/{rejection.Version}";
        var change = new FileChange(RejectedReleases.RelativePath, current =>
            RejectedReleases.Parse(current).Entries.Any(entry =>
                entry.Version == rejection.Version && entry.Revision == rejection.Revision && entry.Stage == rejection.Stage && entry.Cloud == rejection.Cloud)
                ? current! : RejectedReleases.Append(current, rejection));
        var what = rejection.Revision is null ? rejection.Version : $"{rejection.Version} at {Pins.CommitRevision.Abbreviate(rejection.Revision)}";
        var title = $"Quarantine {what}: e2e failed on {rejection.Stage}-{rejection.Cloud}";
        await host.CheckAccessAsync(cancellationToken);
        var published = await new BranchPublisher(git, log, Settings).PublishAsync(branch, [change], title, buildOnExistingBranch: true, cancellationToken);
        if (!published.Changed)
        {
            return null;
        }

        var description = $"Release `{what}` failed its e2e tests on **{rejection.Stage}-{rejection.Cloud}**: {rejection.Reason}.\n\n"
            + "Merging this keeps OpenPromotionMR from promoting it again unless `--force` is given; "
            + $"delete the entry from `{RejectedReleases.RelativePath}` to lift the quarantine.\n";
        var request = await host.OpenOrUpdateAsync(new ChangeRequestDraft(branch, published.TargetBranch, title, description), cancellationToken);
        log.Warning($"Release {what} quarantined: !{request.Number} {request.WebUrl}");
        return request;
    }
}
