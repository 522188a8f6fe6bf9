using System.Net;
using System.Net.Sockets;
using System.Runtime.Versioning;
using GitOps.Platform.Git;
using GitOps.Platform.Promotion.Pins;
using GitOps.Targets.Tooling;

namespace GitOps.Platform.Tests.Git;

/// <summary>
/// Review F6: a fetch over ssh must never wait on a prompt (a key's passphrase, a password, an unknown host key). Real
/// git runs against an ssh:// origin with a fake <c>ssh</c> first on PATH that records its arguments and whether its
/// standard input is closed, then fails as ssh does when it may not ask.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class GitNetworkPromptTests : IDisposable
{
    private const string Origin = "ssh://git@gitlab.example.invalid/platform/gitops.git";

    private readonly GitSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    [Fact]
    public async Task A_fetch_runs_ssh_in_batch_mode_with_stdin_closed()
    {
        var runner = new InputRecordingRunner(sandbox.Runner);
        var (git, log) = await WithFakeSshAsync(runner);

        await Should.ThrowAsync<ToolFailedException>(() => git.FetchAsync("origin", ["+refs/heads/main:refs/remotes/origin/main"], CancellationToken.None));

        var lines = await File.ReadAllLinesAsync(log);
        lines.ShouldContain("args: -o BatchMode=yes", customMessage: string.Join('\n', lines));
        lines.ShouldContain("stdin: eof");
        // The test host's own stdin is usually /dev/null, which reads as end of file too; that git gets a stdin closed
        // at once, whatever the build's is (a terminal, an open pipe), shows in what it was started with.
        runner.Inputs.ShouldNotBeEmpty();
        runner.Inputs.ShouldAllBe(input => input == string.Empty);
    }

    [Fact]
    public async Task A_configured_ssh_command_is_kept_and_gets_batch_mode_added()
    {
        var (git, log) = await WithFakeSshAsync();
        await git.RunAsync(["config", "core.sshCommand", "ssh -i /keys/deploy_key"], CancellationToken.None);

        await Should.ThrowAsync<ToolFailedException>(() => git.RemoteBranchCommitAsync("origin", "main", CancellationToken.None));

        var lines = await File.ReadAllLinesAsync(log);
        lines.ShouldContain("args: -i /keys/deploy_key -o BatchMode=yes", customMessage: string.Join('\n', lines));
        lines.ShouldContain("stdin: eof");
    }

    [Fact]
    public async Task A_wrapper_that_git_does_not_know_as_openssh_is_left_as_configured()
    {
        var (git, log) = await WithFakeSshAsync();
        await git.RunAsync(["config", "core.sshCommand", "ssh-wrapper --profile ci"], CancellationToken.None);

        await Should.ThrowAsync<ToolFailedException>(() => git.RemoteBranchCommitAsync("origin", "main", CancellationToken.None));

        var lines = await File.ReadAllLinesAsync(log);
        lines.ShouldContain("wrapper args: --profile ci", customMessage: string.Join('\n', lines));
        lines.ShouldContain("stdin: eof");
    }

    /// <summary>RevisionHistory's fetch of a pin by SHA is bounded like MainLine's: an origin that accepts and never answers.</summary>
    [Fact]
    public async Task Looking_up_a_missing_pin_on_an_origin_that_never_answers_gives_up_after_the_fetch_timeout()
    {
        await sandbox.InitializeAsync(new Dictionary<string, string> { ["a.txt"] = "a\n" });
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        await sandbox.Git.RunAsync(["remote", "set-url", "origin", $"http://127.0.0.1:{port}/group/project.git"], CancellationToken.None);
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(40));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var found = await new RevisionHistory(sandbox.Git, fetchTimeout: TimeSpan.FromSeconds(2))
            .LookUpAsync("1234567890abcdef1234567890abcdef12345678", guard.Token);

        found.ShouldBe(CommitLookup.RemoteSilent);
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20));
    }

    /// <summary>
    /// A clone whose origin is the ssh:// URL, with <c>ssh</c> (and <c>ssh-wrapper</c>) on PATH as scripts: each logs
    /// its arguments before the host, and whether the standard input of the git that started it (found through /proc)
    /// is at end of file or still open (a read waiting 3 s), then exits 255 as ssh does when BatchMode forbids the
    /// prompt it would need.
    /// </summary>
    private async Task<(GitCli Git, string Log)> WithFakeSshAsync(IToolRunner? runner = null)
    {
        await sandbox.InitializeAsync(new Dictionary<string, string> { ["a.txt"] = "a\n" });
        await sandbox.Git.RunAsync(["remote", "set-url", "origin", Origin], CancellationToken.None);
        var bin = Directory.CreateDirectory(Path.Combine(sandbox.Root, "fake-bin")).FullName;
        var log = Path.Combine(sandbox.Root, "ssh.log");
        foreach (var (name, label) in new[] { ("ssh", "args"), ("ssh-wrapper", "wrapper args") })
        {
            var script = Path.Combine(bin, name);
            await File.WriteAllTextAsync(script, $$"""
                #!/usr/bin/env bash
                # git probes a command it does not know as OpenSSH with -G first: answer "not OpenSSH".
                for argument in "$@"; do [ "$argument" = -G ] && exit 1; done
                # What comes before the host (git@...), without the -o SendEnv=GIT_PROTOCOL git adds for OpenSSH.
                before=()
                for argument in "$@"; do case "$argument" in git@*) break ;; esac; before+=("$argument"); done
                joined=" ${before[*]} "
                joined="${joined// -o SendEnv=GIT_PROTOCOL / }"
                joined="${joined# }"
                echo "{{label}}: ${joined% }" >> '{{log}}'
                # ssh's own stdin is git's protocol pipe; what matters is git's, which anything git starts may inherit.
                pid=$PPID
                while [ "$pid" -gt 1 ] && [ "$(cat /proc/$pid/comm)" != git ]; do pid=$(cut -d' ' -f4 /proc/$pid/stat); done
                echo "git stdin is $(readlink /proc/$pid/fd/0)" >> '{{log}}'
                if read -r -t 3 line < /proc/$pid/fd/0; then echo "stdin: data" >> '{{log}}'
                elif [ $? -gt 128 ]; then echo "stdin: open" >> '{{log}}'
                else echo "stdin: eof" >> '{{log}}'; fi
                echo "Permission denied (publickey)." >&2
                exit 255

                """);
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var environment = new Dictionary<string, string?>(sandbox.Git.Environment) { ["PATH"] = bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH") };
        return (new GitCli(runner ?? sandbox.Runner, sandbox.ClonePath, sandbox.Masker) { Environment = environment }, log);
    }

    /// <summary>The real runner, remembering what each process got as standard input (null: the build's own, inherited).</summary>
    private sealed class InputRecordingRunner(IToolRunner inner) : IToolRunner
    {
        private readonly List<string?> inputs = [];

        public IReadOnlyList<string?> Inputs
        {
            get
            {
                lock (inputs)
                {
                    return [.. inputs];
                }
            }
        }

        public Task<ToolResult> RunAsync(ToolInvocation invocation, CancellationToken cancellationToken)
        {
            lock (inputs)
            {
                inputs.Add(invocation.StandardInput);
            }

            return inner.RunAsync(invocation, cancellationToken);
        }
    }
}
