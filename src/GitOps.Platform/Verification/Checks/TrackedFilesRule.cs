using GitOps.Targets.Tooling;

namespace GitOps.Platform.Verification.Checks;

/// <summary>Credentials and state never belong in Git: kubeconfigs, terraform state, .env files.</summary>
internal static class TrackedFilesRule
{
    private static readonly string[] AllowedEnvTemplates = [".env.example", ".env.template", ".env.sample"];
    private static readonly string[] SkippedFolders = [".git", "bin", "obj", "node_modules", ".nuke"];

    public static async Task CheckAsync(RepositoryFiles files, IToolRunner runner, FindingSink sink, CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(
            new ToolInvocation("git", ["ls-files", "-z"]) { WorkingDirectory = files.Root, StreamOutput = false, ThrowOnFailure = false },
            cancellationToken);
        // Outside a Git work tree (an exported copy) every file on disk would be committed: check those instead.
        var tracked = result.Succeeded
            ? result.StandardOutput.Split('\0', StringSplitOptions.RemoveEmptyEntries)
            : OnDisk(files);
        foreach (var path in tracked.Where(IsSensitive).Order(StringComparer.Ordinal))
        {
            sink.Add(path, 1, RuleIds.SensitiveFileTracked,
                $"{(result.Succeeded ? "is tracked by git" : "would be committed")}: kubeconfigs, terraform state and .env files hold credentials; remove it (git rm --cached) and keep it ignored");
        }
    }

    internal static bool IsSensitive(string path)
    {
        var name = path[(path.LastIndexOf('/') + 1)..];
        return name == "kubeconfig" || name.StartsWith("kubeconfig.", StringComparison.Ordinal)
            || name.StartsWith("kubeconfig-", StringComparison.Ordinal) || name.EndsWith(".kubeconfig", StringComparison.Ordinal)
            || name.EndsWith(".tfstate", StringComparison.Ordinal) || name.Contains(".tfstate.", StringComparison.Ordinal)
            || ((name == ".env" || name.StartsWith(".env.", StringComparison.Ordinal)) && !AllowedEnvTemplates.Contains(name));
    }

    private static IEnumerable<string> OnDisk(RepositoryFiles files) =>
        Directory.EnumerateFiles(files.Root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Select(files.Relative)
            .Where(path => !SkippedFolders.Any(folder => path.StartsWith(folder + "/", StringComparison.Ordinal) || path.Contains("/" + folder + "/", StringComparison.Ordinal)));
}
