using System.Globalization;
using GitOps.Platform.GitLab.Http;

namespace GitOps.Platform.GitLab;

public sealed partial class GitLabClient
{
    /// <summary>The project, as the token sees it.</summary>
    public Task<GitLabProject> GetProjectAsync(CancellationToken cancellationToken)
    {
        var request = new GitLabRequest(HttpMethod.Get, ProjectPath());
        return transport.SendAsync(request, Read(request, GitLabJsonContext.Default.GitLabProject), null, cancellationToken);
    }

    /// <summary>
    /// Checks, before anything is pushed, that GitLab answers, accepts the token, shows it the project, and gives it a
    /// role that may open merge requests (Developer or higher); throws <see cref="GitLabApiException"/> otherwise. A
    /// role GitLab does not report (inherited from a parent group) is not refused here.
    /// </summary>
    public async Task CheckAccessAsync(CancellationToken cancellationToken)
    {
        if (transport.Connection.TokenKind == GitLabTokenKind.JobToken)
        {
            throw new GitLabApiException(
                "a CI job token cannot push a branch or open a merge request: set GITLAB_TOKEN (a project access token with the api scope, Developer role or higher)");
        }

        var project = await GetProjectAsync(cancellationToken);
        if (project.Permissions?.HighestLevel is { } level && level < GitLabAccess.Developer)
        {
            throw new GitLabApiException(
                $"GITLAB_TOKEN has access level {level.ToString(CultureInfo.InvariantCulture)} on project {project.PathWithNamespace}; "
                + "pushing the promotion branch and opening its merge request need Developer (30) or higher. Nothing was pushed.");
        }
    }

    /// <summary>The value of "Minimum role to use pipeline variables" under which nobody may set pipeline variables.</summary>
    public const string NoOneMaySetPipelineVariables = "no_one_allowed";

    /// <summary>
    /// Sets "Minimum role to use pipeline variables" to no_one_allowed (<c>ci_pipeline_variables_minimum_override_role</c>)
    /// and turns on <c>restrict_user_defined_variables</c>, without which GitLab ignores the role and lets every Developer
    /// set them (gitlab-org/gitlab!149343). Pipeline variables, trigger-token variables included, have the highest
    /// precedence and override predefined ones such as CI_PIPELINE_SOURCE, so whoever may set them can start the nightly
    /// or a PostSync job; under this setting GitLab refuses every pipeline that sets one ("Insufficient permissions to set
    /// pipeline variables"). Data for a pipeline then travels as inputs (spec:inputs). Read first, so a rerun changes
    /// nothing; returns whether it changed. Needs the Maintainer role; only an Owner can change it back.
    /// </summary>
    public async Task<bool> RestrictPipelineVariablesAsync(CancellationToken cancellationToken)
    {
        if (IsRestricted(await GetProjectAsync(cancellationToken)))
        {
            return false;
        }

        var request = new GitLabRequest(HttpMethod.Put, ProjectPath())
        {
            Content = () => new FormUrlEncodedContent(
            [
                new("restrict_user_defined_variables", "true"),
                new("ci_pipeline_variables_minimum_override_role", NoOneMaySetPipelineVariables),
            ]),
        };
        var updated = await transport.SendAsync(request, Read(request, GitLabJsonContext.Default.GitLabProject), null, cancellationToken);
        return IsRestricted(updated)
            ? true
            : throw new GitLabApiException(
                $"{request.Describe()}: GitLab answered restrict_user_defined_variables = {updated.RestrictUserDefinedVariables switch { true => "true", false => "false", null => "(not shown)" }} and "
                + $"ci_pipeline_variables_minimum_override_role = {updated.CiPipelineVariablesMinimumOverrideRole ?? "(not shown)"}, not true and {NoOneMaySetPipelineVariables}; "
                + "set \"Minimum role to use pipeline variables\" to \"No one allowed\" under Settings > CI/CD > Variables");
    }

    private static bool IsRestricted(GitLabProject project) =>
        project.RestrictUserDefinedVariables == true && project.CiPipelineVariablesMinimumOverrideRole == NoOneMaySetPipelineVariables;
}
