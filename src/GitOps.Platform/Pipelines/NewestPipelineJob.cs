namespace GitOps.Platform.Pipelines;

/// <summary>
/// What a job refused by <see cref="NewestCommitGuard"/> tells the person to do instead: play the same job in the newest
/// pipeline of the default branch. GitLab's Environments "Stop" plays the stop job of the pipeline that deployed last
/// (gitlab-org/gitlab!84922), which for an environment deployed by hand is usually behind main, so this is the usual
/// answer to that button.
/// </summary>
/// <param name="Name">The default-branch job to play (main:Destroy:prod-gcp); null where none does it (nightly's run).</param>
/// <param name="ProjectUrl">The project's web page as committed (never a variable); null when unknown. Printed without credentials.</param>
public sealed record NewestPipelineJob(string? Name, Uri? ProjectUrl)
{
    /// <summary>"play main:Destroy:prod-gcp in the newest main pipeline (https://…/-/pipelines?ref=main)".</summary>
    public string Advice(string branch)
    {
        var what = Name is null ? "run the job" : $"play {Name}";
        var where = ProjectUrl is null
            ? string.Empty
            : $" ({ProjectUrl.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped).TrimEnd('/')}/-/pipelines?ref={Uri.EscapeDataString(branch)})";
        return $"{what} in the newest {branch} pipeline{where}";
    }
}
