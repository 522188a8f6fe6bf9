using GitOps.Platform.Git;

namespace GitOps.Platform.Tests.Git;

public sealed class GitCliTests : IDisposable
{
    private readonly GitSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    [Fact]
    public async Task Reads_branch_remote_and_default_branch_of_a_clone()
    {
        await sandbox.InitializeAsync(new Dictionary<string, string> { ["a.txt"] = "a\n" });
        var git = sandbox.Git;

        (await git.CurrentBranchAsync(CancellationToken.None)).ShouldBe("main");
        (await git.RemoteUrlAsync("origin", CancellationToken.None)).ShouldBe(sandbox.RemotePath);
        (await git.RemoteUrlAsync("missing", CancellationToken.None)).ShouldBeNull();
        (await git.DefaultBranchAsync("origin", CancellationToken.None)).ShouldBe("main");
        (await git.ListFilesAsync(CancellationToken.None)).ShouldBe(["a.txt"]);
    }

    [Fact]
    public async Task File_history_lists_every_commit_and_shows_each_version()
    {
        await sandbox.InitializeAsync(new Dictionary<string, string> { ["v.yaml"] = "deployedRelease: 1.0.0\n", ["other"] = "x" });
        await sandbox.CommitFilesAsync(new Dictionary<string, string> { ["v.yaml"] = "deployedRelease: 1.1.0\n" }, "bump");
        await sandbox.CommitFilesAsync(new Dictionary<string, string> { ["other"] = "y" }, "unrelated");
        var git = sandbox.Git;

        var history = await git.FileHistoryAsync("v.yaml", CancellationToken.None);

        history.Count.ShouldBe(2);
        (await git.ShowFileAsync(history[0], "v.yaml", CancellationToken.None)).ShouldBe("deployedRelease: 1.1.0\n");
        (await git.ShowFileAsync(history[1], "v.yaml", CancellationToken.None)).ShouldBe("deployedRelease: 1.0.0\n");
        (await git.ShowFileAsync(history[1], "nope.yaml", CancellationToken.None)).ShouldBeNull();
        (await git.DiffAsync(history[1], history[0], CancellationToken.None, ["v.yaml"])).ShouldContain("+deployedRelease: 1.1.0");
    }

    [Fact]
    public async Task Commit_without_any_identity_falls_back_to_the_build_identity()
    {
        await sandbox.InitializeAsync(new Dictionary<string, string> { ["a.txt"] = "a\n" });

        var author = await sandbox.Git.RunAsync(["log", "-1", "--format=%an <%ae>"], CancellationToken.None);

        author.Trim().ShouldBe($"{GitIdentity.Build.Name} <{GitIdentity.Build.Email}>");
    }

    [Fact]
    public async Task Commit_with_nothing_staged_returns_null()
    {
        await sandbox.InitializeAsync(new Dictionary<string, string> { ["a.txt"] = "a\n" });

        (await sandbox.Git.CommitAsync("empty", CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task Push_with_lease_refuses_to_overwrite_a_branch_that_moved()
    {
        await sandbox.InitializeAsync(new Dictionary<string, string> { ["a.txt"] = "a\n" });
        var git = sandbox.Git;
        await git.CheckoutNewBranchAsync("promote/qa-1.0.0", "main", CancellationToken.None);
        await sandbox.CommitFilesAsync(new Dictionary<string, string> { ["a.txt"] = "b\n" }, "change");
        await git.PushAsync("origin", "promote/qa-1.0.0", null, CancellationToken.None);
        var pushed = await git.RemoteBranchCommitAsync("origin", "promote/qa-1.0.0", CancellationToken.None);

        await sandbox.CommitFilesAsync(new Dictionary<string, string> { ["a.txt"] = "c\n" }, "again");

        await Should.ThrowAsync<GitOps.Targets.Tooling.ToolFailedException>(() =>
            git.PushAsync("origin", "promote/qa-1.0.0", null, CancellationToken.None));
        await git.PushAsync("origin", "promote/qa-1.0.0", pushed, CancellationToken.None);
        (await sandbox.RemoteFileAsync("promote/qa-1.0.0", "a.txt")).ShouldBe("c\n");
    }

    [Fact]
    public async Task Tokens_in_remote_urls_are_masked_in_failures_and_stripped_from_reads()
    {
        await sandbox.InitializeAsync(new Dictionary<string, string> { ["a.txt"] = "a\n" });
        const string Token = "glpat-SuperSecret123";
        await sandbox.Git.RunAsync(["remote", "add", "secured", $"https://oauth2:{Token}@127.0.0.1:1/group/project.git"], CancellationToken.None);

        (await sandbox.Git.RemoteUrlAsync("secured", CancellationToken.None)).ShouldBe("https://127.0.0.1:1/group/project.git");
        var failure = await Should.ThrowAsync<GitOps.Targets.Tooling.ToolFailedException>(() =>
            sandbox.Git.PushAsync($"https://oauth2:{Token}@127.0.0.1:1/group/project.git", "x", null, CancellationToken.None));

        failure.Message.ShouldNotContain(Token);
        sandbox.Masker.Apply($"echo {Token}").ShouldBe("echo ***");
    }

    [Fact]
    public async Task Diff_of_two_files_is_empty_when_equal_and_unified_otherwise()
    {
        await sandbox.InitializeAsync(new Dictionary<string, string> { ["a.txt"] = "a\n" });
        var before = Path.Combine(sandbox.Root, "before.yaml");
        var after = Path.Combine(sandbox.Root, "after.yaml");
        await File.WriteAllTextAsync(before, "x: 1\ny: 2\n");
        await File.WriteAllTextAsync(after, "x: 1\ny: 3\n");

        (await sandbox.Git.DiffFilesAsync(before, before, CancellationToken.None)).ShouldBeEmpty();
        (await sandbox.Git.DiffFilesAsync(before, after, CancellationToken.None)).ShouldContain("-y: 2\n+y: 3");
    }

    [Theory]
    [InlineData("https://user:tok%40en@gitlab.example/g/p.git", "https://gitlab.example/g/p.git", "tok@en")]
    [InlineData("https://glpat-abc123@gitlab.example/g/p.git", "https://gitlab.example/g/p.git", "glpat-abc123")]
    public void Remote_url_credentials_are_found_and_stripped(string url, string stripped, string secret)
    {
        RemoteUrl.WithoutCredentials(url).ShouldBe(stripped);
        RemoteUrl.SecretsIn(url).ShouldContain(secret);
    }
}
