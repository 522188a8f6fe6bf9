using System.Diagnostics;
using GitOps.Platform.Pipelines;
using GitOps.Platform.Tests.Toolchain;
using GitOps.Targets.Errors;

namespace GitOps.Platform.Tests.Pipelines;

/// <summary>
/// The guard of the manual jobs asks origin for the default branch's head. A pipeline variable HOME pointing at a
/// .gitconfig with url.&lt;elsewhere&gt;.insteadOf would send that question to a repository where the old commit is
/// still the head, and the old pipeline's button would act. Real git, real repositories; HOME is the test process's,
/// so this class runs alone (see <see cref="ProcessEnvironmentTests"/>).
/// </summary>
[Collection(ProcessEnvironmentTests.Name)]
public sealed class NewestCommitGuardHomeTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("gitops-guard-home-").FullName;
    private readonly string? savedHome = Environment.GetEnvironmentVariable("HOME");

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("HOME", savedHome);
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public void A_home_whose_gitconfig_redirects_origin_does_not_make_an_old_commit_the_newest()
    {
        var origin = Path.Combine(root, "origin.git");
        var stale = Path.Combine(root, "stale.git");
        var checkout = Path.Combine(root, "checkout");
        Git(root, "init", "--quiet", "--bare", "--initial-branch=main", origin);
        Git(root, "clone", "--quiet", origin, checkout);
        Git(checkout, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "--quiet", "--allow-empty", "-m", "old");
        Git(checkout, "push", "--quiet", "origin", "HEAD:main");
        Git(root, "clone", "--quiet", "--bare", origin, stale);
        var newer = Path.Combine(root, "newer");
        Git(root, "clone", "--quiet", origin, newer);
        Git(newer, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "--quiet", "--allow-empty", "-m", "new");
        Git(newer, "push", "--quiet", "origin", "HEAD:main");

        var hostile = Directory.CreateDirectory(Path.Combine(root, "hostile-home")).FullName;
        File.WriteAllText(Path.Combine(hostile, ".gitconfig"), $"[url \"{stale}\"]\n\tinsteadOf = {origin}\n");
        Environment.SetEnvironmentVariable("HOME", hostile);

        Should.Throw<UsageException>(() => NewestCommitGuard.Require(checkout))
            .Message.ShouldContain("is no longer the head of main");
    }

    private static void Git(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var git = Process.Start(start)!;
        var error = git.StandardError.ReadToEndAsync();
        git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        git.ExitCode.ShouldBe(0, $"git {string.Join(' ', arguments)}: {error.Result}");
    }
}
