namespace GitOps.Targets.GitLabCi.Validation;

/// <summary>Artifact, report and cache paths are relative to the project directory and may not leave it.</summary>
internal static class RelativePaths
{
    public static void Check(string owner, string key, IReadOnlyList<string> paths, List<string> errors)
    {
        foreach (var path in paths)
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                errors.Add($"{owner}: {key} has a blank path");
            }
            else if (IsAbsolute(path) || LeavesProject(path))
            {
                errors.Add($"{owner}: {key} path '{path}' must be relative to the project directory and stay inside it");
            }
        }
    }

    private static bool IsAbsolute(string path) =>
        path[0] is '/' or '\\' or '~' || (path.Length > 1 && path[1] == ':');

    private static bool LeavesProject(string path) =>
        path.Split('/', '\\').Contains("..", StringComparer.Ordinal);
}
