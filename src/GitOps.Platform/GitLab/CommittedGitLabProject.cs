using System.Text.RegularExpressions;

namespace GitOps.Platform.GitLab;

/// <summary>
/// The GitLab instance and project this repository belongs to, as committed: <c>gitlab_url</c> and
/// <c>gitlab_project_path</c> of the stages' foundation tfvars, the same values Workload Identity trusts. In a pipeline
/// GitLab lets a trigger or pipeline variable override any predefined one (CI_API_V4_URL, CI_SERVER_URL,
/// CI_PROJECT_PATH, CI_PROJECT_ID), which would send GITLAB_TOKEN to another host or act on another project; the
/// build therefore takes these from the repository and refuses a job whose variables say otherwise.
/// </summary>
public sealed partial record CommittedGitLabProject(Uri ServerUrl, string ProjectPath)
{
    public const string FoundationVarFiles = "environments/terraform/gcp/stages/foundation";

    public Uri ApiUrl => new(ServerUrl.ToString().TrimEnd('/') + "/api/v4/");

    /// <summary>The project's web page (what CI_PROJECT_URL would say, but committed).</summary>
    public Uri WebUrl => new(ServerUrl.ToString().TrimEnd('/') + "/" + ProjectPath + "/");

    /// <summary>The committed project; throws when the tfvars name none or disagree.</summary>
    /// <exception cref="GitLabConfigurationException">No foundation tfvars, a missing value, or two stages naming different projects.</exception>
    public static CommittedGitLabProject Load(string repositoryRoot)
    {
        var directory = Path.Combine(repositoryRoot, FoundationVarFiles);
        var files = Directory.Exists(directory) ? Directory.GetFiles(directory, "*.tfvars").Order(StringComparer.Ordinal).ToList() : [];
        if (files.Count == 0)
        {
            throw new GitLabConfigurationException(
                $"{FoundationVarFiles}/*.tfvars name no GitLab project (gitlab_url, gitlab_project_path); a pipeline takes them from there, not from its variables");
        }

        var found = files.Select(file => (File: $"{FoundationVarFiles}/{Path.GetFileName(file)}", Url: Value(file, "gitlab_url"), Path: Value(file, "gitlab_project_path"))).ToList();
        foreach (var (file, url, path) in found)
        {
            if (url is null || path is null || !Uri.TryCreate(url, UriKind.Absolute, out _))
            {
                throw new GitLabConfigurationException($"{file}: gitlab_url (an https URL) and gitlab_project_path (group/project) must both be set");
            }
        }

        var first = found[0];
        if (found.FirstOrDefault(other => !SameServer(other.Url!, first.Url!) || other.Path != first.Path) is { File: not null } different)
        {
            throw new GitLabConfigurationException(
                $"{different.File} names GitLab project {different.Url}/{different.Path} but {first.File} names {first.Url}/{first.Path}; one repository belongs to one project");
        }

        return new CommittedGitLabProject(new Uri(first.Url!.TrimEnd('/') + "/"), first.Path!.Trim('/'));
    }

    /// <summary>
    /// The job's variables with the GitLab coordinates set to the committed ones, after checking that those the
    /// runner gave agree (CI_PROJECT_ID, a number, cannot be compared and is replaced by the committed path).
    /// </summary>
    /// <exception cref="GitLabConfigurationException">A variable points somewhere else; the message names it and both values.</exception>
    public Dictionary<string, string?> Pin(IReadOnlyDictionary<string, string?> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        Require(variables, "CI_SERVER_URL", ServerUrl.ToString().TrimEnd('/'), SameServer);
        Require(variables, "CI_API_V4_URL", ApiUrl.ToString().TrimEnd('/'), SameServer);
        Require(variables, "CI_PROJECT_PATH", ProjectPath, (given, expected) => given.Trim('/') == expected);
        // The API and the project always; the push URL's two only where the runner gave them (without them the
        // promotion pushes to the checkout's own origin).
        var pinned = new Dictionary<string, string?>(variables, StringComparer.Ordinal)
        {
            ["CI_API_V4_URL"] = ApiUrl.ToString(),
            ["CI_PROJECT_ID"] = ProjectPath,
        };
        foreach (var (name, value) in new[] { ("CI_SERVER_URL", ServerUrl.ToString().TrimEnd('/')), ("CI_PROJECT_PATH", ProjectPath) })
        {
            if (!string.IsNullOrWhiteSpace(pinned.GetValueOrDefault(name)))
            {
                pinned[name] = value;
            }
        }

        return pinned;
    }

    private static void Require(IReadOnlyDictionary<string, string?> variables, string name, string expected, Func<string, string, bool> same)
    {
        if (variables.TryGetValue(name, out var given) && !string.IsNullOrWhiteSpace(given) && !same(given.Trim(), expected))
        {
            throw new GitLabConfigurationException(
                $"{name} is '{given.Trim()}' but this repository belongs to {expected} ({FoundationVarFiles}/*.tfvars); "
                + "a pipeline variable may not send the GitLab token elsewhere. Nothing was run.");
        }
    }

    private static bool SameServer(string given, string expected) =>
        Uri.TryCreate(given.Trim(), UriKind.Absolute, out var left) && Uri.TryCreate(expected, UriKind.Absolute, out var right)
        && string.Equals(left.GetLeftPart(UriPartial.Path).TrimEnd('/'), right.GetLeftPart(UriPartial.Path).TrimEnd('/'), StringComparison.OrdinalIgnoreCase)
        && left.UserInfo.Length == 0;

    private static string? Value(string file, string name) =>
        File.ReadLines(file).Select(line => Assignment().Match(line))
            .FirstOrDefault(match => match.Success && match.Groups["name"].Value == name)?.Groups["value"].Value;

    [GeneratedRegex("""^\s*(?<name>[A-Za-z_][A-Za-z0-9_-]*)\s*=\s*"(?<value>[^"]*)"\s*(#.*)?$""")]
    private static partial Regex Assignment();
}
