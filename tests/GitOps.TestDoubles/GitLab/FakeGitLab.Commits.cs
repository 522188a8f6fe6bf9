using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace GitOps.TestDoubles.GitLab;

public sealed partial class FakeGitLab
{
    private static readonly string[] CommitStates = ["pending", "running", "success", "failed", "canceled", "skipped"];

    private FakeResponse CreateCommit(FakeRequest request)
    {
        var branch = request.Field("branch");
        var message = request.Field("commit_message");
        if (branch is null || message is null || !request.Structured.TryGetValue("actions", out var actions))
        {
            return FakeResponse.Error(400, branch is null ? "branch is missing" : message is null ? "commit_message is missing" : "actions is missing");
        }

        lock (gate)
        {
            var start = request.Field("start_branch") ?? branch;
            if (!branches.TryGetValue(start, out var startFiles))
            {
                return FakeResponse.Message(400, "You can only create or edit files when you are on a branch");
            }

            var files = new Dictionary<string, string>(branches.GetValueOrDefault(branch) ?? startFiles, StringComparer.Ordinal);
            var touched = new List<string>();
            foreach (var action in actions.EnumerateArray())
            {
                var problem = Apply(files, action);
                if (problem is not null)
                {
                    return FakeResponse.Message(400, problem);
                }

                touched.Add(action.GetProperty("file_path").GetString()!);
            }

            branches[branch] = files;
            var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{branch}:{message}:{commits.Count}")))[..40];
            commits.Add(new FakeCommit(id, branch, message, touched));
            return FakeResponse.Json(201, new
            {
                id,
                short_id = id[..8],
                title = message.Split('\n')[0],
                message,
                web_url = new Uri(WebUrl, $"{ProjectPath}/-/commit/{id}").ToString(),
            });
        }
    }

    private static string? Apply(Dictionary<string, string> files, JsonElement action)
    {
        var kind = action.TryGetProperty("action", out var a) ? a.GetString() : null;
        var path = action.TryGetProperty("file_path", out var p) ? p.GetString() : null;
        var content = action.TryGetProperty("content", out var c) ? c.GetString() ?? string.Empty : string.Empty;
        if (path is null)
        {
            return "file_path is missing";
        }

        switch (kind)
        {
            case "create" when files.ContainsKey(path):
                return "A file with this name already exists";
            case "update" or "delete" when !files.ContainsKey(path):
                return "A file with this name doesn't exist";
            case "create" or "update":
                files[path] = content;
                return null;
            case "delete":
                files.Remove(path);
                return null;
            default:
                return $"Unknown action '{kind}'";
        }
    }

    private FakeResponse SetStatus(FakeRequest request, string sha)
    {
        var state = request.Field("state");
        if (state is null || !CommitStates.Contains(state))
        {
            return FakeResponse.Error(400, "state does not have a valid value");
        }

        lock (gate)
        {
            var status = new FakeCommitStatus(7000 + statuses.Count + 1, sha, state, request.Field("name") ?? "default", request.Field("target_url"));
            statuses.Add(status);
            return FakeResponse.Json(201, new
            {
                id = status.Id,
                sha,
                status = state,
                name = status.Name,
                target_url = status.TargetUrl,
            });
        }
    }
}
