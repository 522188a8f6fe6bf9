using System.Diagnostics;
using GitOps.Platform.Git;
using GitOps.Platform.Toolchain;
using GitOps.Targets.Errors;

namespace GitOps.Platform.Pipelines;

/// <summary>
/// A manual job keeps its button in every old pipeline, built from that pipeline's commit: pressed later, it would
/// provision, deploy or destroy with outdated Terraform and manifests. The job refuses unless its checkout is still the
/// head of the default branch. Both are asked of git (the checkout's HEAD; the remote's HEAD through
/// <c>git ls-remote --symref</c>, with the job's own clone credentials), not of CI_COMMIT_SHA or CI_DEFAULT_BRANCH,
/// which a pipeline variable can override. Synchronous, because it runs with the requirements, before any target.
/// </summary>
public static class NewestCommitGuard
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    /// <param name="repositoryRoot">The checkout.</param>
    /// <param name="remote">The remote whose HEAD is the default branch.</param>
    /// <param name="instead">What the refusal tells the person to do instead; without it, "run the job in the newest … pipeline".</param>
    /// <exception cref="UsageException">The checkout is not the default branch's head; the message names both commits and what to play instead.</exception>
    /// <exception cref="BuildFailedException">git could not tell (no checkout, origin unreachable).</exception>
    public static void Require(string repositoryRoot, string remote = "origin", NewestPipelineJob? instead = null)
    {
        var checkout = Git(repositoryRoot, "rev-parse", "HEAD").Trim();
        var lines = Git(repositoryRoot, "ls-remote", "--symref", remote, "HEAD").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        const string Prefix = "ref: refs/heads/";
        var branch = lines.FirstOrDefault(line => line.StartsWith(Prefix, StringComparison.Ordinal))?[Prefix.Length..].Split('\t')[0];
        var head = lines.Where(line => !line.StartsWith("ref: ", StringComparison.Ordinal)).Select(line => line.Split('\t')[0].Trim()).FirstOrDefault();
        if (branch is null || head is null)
        {
            throw new BuildFailedException($"{remote} reports no default branch (its HEAD is not a branch); a manual job runs only from the newest pipeline of the default branch");
        }

        if (!string.Equals(head, checkout, StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException(
                $"this pipeline's commit {Short(checkout)} is no longer the head of {branch}, which is {Short(head)}: {(instead ?? new NewestPipelineJob(null, null)).Advice(branch)}. Nothing was run.");
        }
    }

    private static string Git(string directory, params string[] arguments)
    {
        // ls-remote may go over ssh: in batch mode, with the clone's own ssh command kept (BatchModeSsh).
        string? ssh = null;
        if (arguments[0] == "ls-remote")
        {
            // Exit 1: neither core.sshCommand nor ssh.variant is set.
            var (command, variant) = BatchModeSsh.Parse(Run(directory, ["config", "-z", "--get-regexp", BatchModeSsh.ConfigPattern], null, allowNotFound: true));
            ssh = BatchModeSsh.Command(command, variant);
        }

        return Run(directory, arguments, ssh, allowNotFound: false);
    }

    private static string Run(string directory, string[] arguments, string? ssh, bool allowNotFound)
    {
        // Standard input closed: nothing git or ssh could read from it is ever typed in a job.
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false,
        };
        start.ArgumentList.Add("-C");
        start.ArgumentList.Add(directory);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The allowlist and the private HOME every other tool launch gets in a pipeline (issue 10): a pipeline variable
        // such as GIT_CONFIG_COUNT, or a HOME with a .gitconfig, with url.<elsewhere>.insteadOf could otherwise point
        // origin at a repository that still has this commit as its head. Never prompt for credentials: a job has none to type.
        var deliberate = new Dictionary<string, string?>(StringComparer.Ordinal) { ["GIT_TERMINAL_PROMPT"] = "0" };
        if (ssh is not null)
        {
            deliberate["GIT_SSH_COMMAND"] = ssh;
        }

        var home = new PipelineToolHome(Path.Combine(directory, ".nuke", "temp"), directory).Ensure();
        foreach (var (name, value) in new ToolEnvironment(inPipeline: true, home).For("git", deliberate, Environment.GetEnvironmentVariables()))
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var git = Process.Start(start) ?? throw new BuildFailedException("git could not be started; a manual job checks its commit with git");
        git.StandardInput.Close();
        var error = git.StandardError.ReadToEndAsync();
        // Read asynchronously, so that the timeout below also bounds a git that never closes its output.
        var output = git.StandardOutput.ReadToEndAsync();
        if (!git.WaitForExit(Timeout))
        {
            git.Kill(entireProcessTree: true);
            throw new BuildFailedException($"git {arguments[0]} did not answer within {Timeout.TotalSeconds:0} s; the job's commit could not be checked, so nothing was run");
        }

        return git.ExitCode == 0 || (allowNotFound && git.ExitCode == 1)
            ? output.Result
            : throw new BuildFailedException($"git {arguments[0]} failed ({error.Result.Split('\n')[0].Trim()}); the job's commit could not be checked, so nothing was run");
    }

    private static string Short(string commit) => commit.Length > 12 ? commit[..12] : commit;
}
