namespace GitOps.Platform.Git;

/// <summary>
/// The ssh command git's network commands get (as GIT_SSH_COMMAND), so that ssh fails instead of asking for a key's
/// passphrase, a password or an unknown host key's confirmation: a job has nobody to answer, and a local run would
/// wait behind a prompt it never shows. OpenSSH's BatchMode=yes does that; plink's -batch is the same. The user's own
/// command (core.sshCommand) is kept and only gets the option added, and only where git itself treats it as OpenSSH
/// or plink, by the rules git uses (ssh.variant, else the command's first word), since a wrapper may take no options.
/// GIT_SSH and GIT_SSH_COMMAND from the environment never reach git (ToolEnvironment), so git config is the only
/// place a user's command comes from.
/// </summary>
internal static class BatchModeSsh
{
    /// <summary>Plain OpenSSH, where nothing is configured.</summary>
    public const string Default = "ssh -o BatchMode=yes";

    /// <summary>The git config keys read for <see cref="Command"/>, as <c>git config --get-regexp</c> takes them.</summary>
    public const string ConfigPattern = "^(core\\.sshcommand|ssh\\.variant)$";

    /// <summary>
    /// GIT_SSH_COMMAND for a git whose config sets <paramref name="configured"/> (core.sshCommand) and
    /// <paramref name="variant"/> (ssh.variant); null where it must be left alone (a wrapper git does not know, a
    /// variant that takes no options).
    /// </summary>
    public static string? Command(string? configured, string? variant)
    {
        var command = string.IsNullOrWhiteSpace(configured) ? null : configured.Trim();
        var kind = variant?.Trim().ToLowerInvariant() switch
        {
            null or "" or "auto" => command is null ? "ssh" : FirstWord(command),
            var set => set,
        };
        return kind switch
        {
            "ssh" => command is null ? Default : $"{command} -o BatchMode=yes",
            "plink" => $"{command ?? "plink"} -batch",
            _ => null,
        };
    }

    /// <summary>The values of <see cref="ConfigPattern"/>'s keys in <c>git config -z --get-regexp</c> output (key, newline, value, NUL); the last one wins, as in git.</summary>
    public static (string? Command, string? Variant) Parse(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        string? command = null;
        string? variant = null;
        foreach (var entry in output.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = entry.Split('\n', 2);
            var value = parts.Length > 1 ? parts[1] : null;
            switch (parts[0].Trim().ToLowerInvariant())
            {
                case "core.sshcommand":
                    command = value;
                    break;
                case "ssh.variant":
                    variant = value;
                    break;
            }
        }

        return (command, variant);
    }

    /// <summary>The program's name as git tells the variant: the first word (quotes allowed), its file name, without .exe.</summary>
    private static string FirstWord(string command)
    {
        var word = command[0] is '"' or '\'' && command.IndexOf(command[0], 1) is var end and > 0
            ? command[1..end]
            : command.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries)[0];
        var name = word.Replace('\\', '/').Split('/')[^1].ToLowerInvariant();
        var program = name.EndsWith(".exe", StringComparison.Ordinal) ? name[..^4] : name;
        // git knows tortoiseplink too, whose batch option differs; treat it like any unknown wrapper.
        return program is "ssh" or "plink" ? program : "unknown";
    }
}
