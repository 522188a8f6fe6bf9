using System.Globalization;
using GitOps.Platform.GitLab.Http;
using GitOps.Platform.GitLab.Variables;

namespace GitOps.Platform.GitLab;

public sealed partial class GitLabClient
{
    /// <summary>Every CI/CD variable of the project, all pages, each value registered as a secret.</summary>
    public async Task<IReadOnlyList<GitLabVariable>> ListVariablesAsync(CancellationToken cancellationToken)
    {
        var all = new List<GitLabVariable>();
        var page = 1;
        while (true)
        {
            var request = new GitLabRequest(HttpMethod.Get, ProjectPath() + "/variables")
            {
                Query = string.Create(CultureInfo.InvariantCulture, $"page={page}&per_page={transport.Options.PageSize}"),
            };
            var result = await transport.SendAsync(request, ReadVariablePage(request), null, cancellationToken);
            all.AddRange(result.Items);
            if (result.NextPage is not { } next)
            {
                return all;
            }

            if (next <= page)
            {
                throw new GitLabApiException($"{request.Describe()}: x-next-page {next} does not advance past page {page}");
            }

            page = next;
        }
    }

    /// <summary>
    /// The variables that apply to <paramref name="environmentName"/> (most specific scope wins; null or empty means
    /// only <c>*</c>), as name to value. File variables are written to 0600 files under
    /// <paramref name="secretFilesDirectory"/> and their value is that file's path, as in a GitLab job. Variables whose
    /// value GitLab does not return ("masked and hidden") are listed by name only, never given an empty value.
    /// </summary>
    public async Task<LoadedVariables> LoadVariablesAsync(
        string? environmentName, string secretFilesDirectory, CancellationToken cancellationToken)
    {
        var variables = await ListVariablesAsync(cancellationToken);
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var unreadable = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var variable in EnvironmentScope.Resolve(variables, environmentName))
        {
            if (variable.IsUnreadable || variable.Value is not { } value)
            {
                unreadable.Add(variable.Key);
                continue;
            }

            values[variable.Key] = variable.IsFile
                ? await SecretFiles.WriteAsync(secretFilesDirectory, variable.Key, value, cancellationToken)
                : value;
        }

        return new LoadedVariables(values, [.. unreadable]);
    }

    private Func<HttpResponseMessage, CancellationToken, Task<GitLabPage<GitLabVariable>>> ReadVariablePage(
        GitLabRequest request)
    {
        var readItems = Read(request, GitLabJsonContext.Default.ListGitLabVariable);
        return async (response, token) =>
        {
            var items = await readItems(response, token);
            foreach (var variable in items.Where(variable => variable.Value is not null))
            {
                secrets.Register(variable.Value!);
            }

            var next = response.Headers.TryGetValues("x-next-page", out var values)
                && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                    ? number
                    : (int?)null;
            return new GitLabPage<GitLabVariable>(items, next);
        };
    }
}
