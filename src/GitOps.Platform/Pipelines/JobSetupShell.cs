namespace GitOps.Platform.Pipelines;

/// <summary>
/// How a generated job's before_script runs its setup (a package manager): under <c>env -i</c> with a fixed PATH and
/// HOME, not with the job's environment. Pipeline and trigger variables land there and many programs read one as
/// configuration: APT_CONFIG (a file variable) with APT::Update::Pre-Invoke runs commands as root, before build.sh's
/// start-up guard or the build's refusal could look at anything.
/// </summary>
public static class JobSetupShell
{
    /// <summary>The search path of the job image's system directories; none holds anything a variable could put there.</summary>
    public const string SystemPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /// <summary>
    /// <paramref name="script"/> (sh, without single quotes) run by sh with only PATH, HOME and a non-interactive
    /// debconf in its environment.
    /// </summary>
    public static string Command(string script)
    {
        ArgumentException.ThrowIfNullOrEmpty(script);
        if (script.Contains('\'', StringComparison.Ordinal))
        {
            throw new ArgumentException("a job setup script is quoted in single quotes and cannot hold one", nameof(script));
        }

        return $"env -i PATH={SystemPath} HOME=/root DEBIAN_FRONTEND=noninteractive sh -c '{script}'";
    }
}
