using GitOps.Platform.ChangeRequests;
using GitOps.Targets.Output;

namespace GitOps.Platform.GitLab;

public sealed partial class GitLabClient : IMergeMethodCheck
{
    /// <summary>
    /// Refuses a project whose merge method is fast-forward (<c>merge_method</c> <c>ff</c>, "Fast-forward merge", which
    /// also covers rebasing without a merge commit): each commit of a merged MR would then be on main's first-parent line,
    /// and the pin rule could no longer tell a merged MR from the commits inside it. <c>merge</c> ("Merge commit") and
    /// <c>rebase_merge</c> ("Merge commit with semi-linear history") add one merge commit per MR. A GitLab that does not
    /// report the setting is not refused (a warning says to check it); a value this build does not know is.
    /// </summary>
    /// <exception cref="GitLabConfigurationException">The project fast-forwards merge requests, or merges by a method not known here.</exception>
    public async Task RequireMergeCommitsAsync(CancellationToken cancellationToken)
    {
        var project = await GetProjectAsync(cancellationToken);
        const string Setting = "Settings > Merge requests > Merge method";
        const string Values = "\"Merge commit\" (merge) or \"Merge commit with semi-linear history\" (rebase_merge)";
        const string Allowed = $"set {Setting} to {Values}. Nothing was pushed.";
        switch (project.MergeMethod)
        {
            case "merge" or "rebase_merge":
                return;
            case null:
                log.Warning($"GitLab did not report the merge method of project {project.PathWithNamespace}; pins rely on a merge commit per merge request, so {Setting} must be {Values}");
                return;
            case "ff":
                throw new GitLabConfigurationException(
                    $"GitLab project {project.PathWithNamespace} merges merge requests by fast-forward (merge_method ff), which puts every commit of a merged merge request "
                    + $"on main's first-parent line, so a pin could name a commit main never ran as a whole; {Allowed}");
            case var other:
                throw new GitLabConfigurationException(
                    $"GitLab project {project.PathWithNamespace} has merge_method '{other}', which this build does not know; pins rely on a merge commit per merge request: {Allowed}");
        }
    }
}
