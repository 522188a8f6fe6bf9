using GitOps.Platform.Git;

namespace GitOps.Platform.Tests.Git;

/// <summary>Which ssh command git's network commands get, by the rules git uses to tell OpenSSH and plink from a wrapper.</summary>
public sealed class BatchModeSshTests
{
    [Theory]
    [InlineData(null, null, "ssh -o BatchMode=yes")]
    [InlineData("ssh -i ~/.ssh/deploy", null, "ssh -i ~/.ssh/deploy -o BatchMode=yes")]
    [InlineData("/usr/bin/ssh -F /etc/ci/ssh_config", "auto", "/usr/bin/ssh -F /etc/ci/ssh_config -o BatchMode=yes")]
    [InlineData("\"C:\\Program Files\\OpenSSH\\ssh.exe\" -i key", null, "\"C:\\Program Files\\OpenSSH\\ssh.exe\" -i key -o BatchMode=yes")]
    [InlineData("my-wrapper --profile ci", "ssh", "my-wrapper --profile ci -o BatchMode=yes")]
    [InlineData("plink -i key.ppk", null, "plink -i key.ppk -batch")]
    [InlineData("my-wrapper --profile ci", null, null)]
    [InlineData("ssh -i key", "simple", null)]
    [InlineData(null, "tortoiseplink", null)]
    public void Adds_batch_mode_only_where_git_runs_openssh_or_plink(string? configured, string? variant, string? expected) =>
        BatchModeSsh.Command(configured, variant).ShouldBe(expected);

    [Fact]
    public void Reads_git_config_get_regexp_output_with_the_last_value_winning()
    {
        var (command, variant) = BatchModeSsh.Parse("core.sshcommand\nssh -i one\0ssh.variant\nssh\0core.sshcommand\nssh -i two\0");

        command.ShouldBe("ssh -i two");
        variant.ShouldBe("ssh");
    }
}
