using System.Collections;

namespace GitOps.Platform.Toolchain;

/// <summary>
/// The one place that decides what environment a child tool (terraform, helm, git, kubectl, node, npm, the e2e suite)
/// starts with: an allowlist of what any program needs to run here (PATH as the toolchain resolved it, HOME and the
/// temporary directory, locale, proxies, the OS's own variables on Windows), plus what the build sets deliberately for
/// that launch. Nothing else is inherited, so in a pipeline, where trigger and CI/CD variables land in the build's
/// environment, no variable can steer a tool: not TF_CLI_ARGS*, TF_CLI_CONFIG_FILE or TF_VAR_*, not GOOGLE_CREDENTIALS
/// or GOOGLE_OAUTH_ACCESS_TOKEN, not GIT_CONFIG_* or GIT_SSH_COMMAND, not HELM_*, KUBECONFIG, NODE_OPTIONS, BASH_ENV,
/// ENV or LD_PRELOAD. The same list applies locally, so a build behaves the same on a laptop as in CI.
/// <para>
/// HOME is the exception. In a pipeline it comes from the runner or a pipeline variable, and every tool reads its
/// configuration below it (~/.terraformrc and ~/.terraform.d/plugins, ~/.gitconfig, helm's plugins and repositories,
/// ~/.npmrc, ~/.kube/config), so there each tool's HOME and the XDG (and Windows profile) directories point into
/// the build's own empty <see cref="PipelineToolHome"/>. Locally the user's HOME
/// stays: only the user sets their variables there, and their gcloud login, git identity and credential helpers,
/// ssh configuration and helm repositories live in it.
/// </para>
/// </summary>
public sealed class ToolEnvironment
{
    private readonly bool inPipeline;
    private readonly string? pipelineHome;

    /// <param name="inPipeline">Pipeline mode: trust anchors are not inherited and HOME is <paramref name="pipelineHome"/>.</param>
    /// <param name="pipelineHome">The directory (existing, owner-only) every tool gets as HOME in a pipeline; required there.</param>
    public ToolEnvironment(bool inPipeline, string? pipelineHome)
    {
        if (inPipeline && string.IsNullOrEmpty(pipelineHome))
        {
            throw new ArgumentException("a pipeline's tools get the build's own home directory", nameof(pipelineHome));
        }

        this.inPipeline = inPipeline;
        this.pipelineHome = pipelineHome;
    }

    /// <summary>Kept for every tool: the process cannot run, find files or reach the network the same way without them.</summary>
    private static readonly string[] Always =
    [
        "PATH", "HOME", "USER", "LOGNAME", "TMPDIR", "TMP", "TEMP", "LANG", "LANGUAGE", "TZ", "TERM", "NO_COLOR",
        "http_proxy", "https_proxy", "no_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "ALL_PROXY",
        // An ssh agent's socket only lets git use keys the agent already holds.
        "SSH_AUTH_SOCK",
        // Windows: without these a process cannot start, find its profile or load system libraries.
        "SystemRoot", "SystemDrive", "windir", "ComSpec", "PATHEXT", "USERPROFILE", "USERNAME", "USERDOMAIN", "APPDATA",
        "LOCALAPPDATA", "ProgramData", "ProgramFiles", "ProgramFiles(x86)", "ProgramW6432", "CommonProgramFiles",
        "CommonProgramFiles(x86)", "CommonProgramW6432", "HOMEDRIVE", "HOMEPATH", "NUMBER_OF_PROCESSORS",
        "PROCESSOR_ARCHITECTURE", "OS", "COMPUTERNAME",
    ];

    /// <summary>
    /// Trust anchors: locally a corporate proxy's CA may need them. Not in a pipeline: a file-type trigger variable
    /// holding a CA, with HTTPS_PROXY beside it, would let whoever triggers the pipeline read the tools' TLS traffic.
    /// </summary>
    private static readonly string[] LocalOnly = ["SSL_CERT_FILE", "SSL_CERT_DIR", "NODE_EXTRA_CA_CERTS", "CURL_CA_BUNDLE"];

    /// <summary>
    /// What a tool needs beyond that. terraform's google provider reads Google's application default credentials, the
    /// same file the build itself uses (GoogleCredentialFile: GOOGLE_APPLICATION_CREDENTIALS, else gcloud's under
    /// CLOUDSDK_CONFIG or HOME), so both act as the same identity; GOOGLE_CREDENTIALS, GOOGLE_OAUTH_ACCESS_TOKEN and the
    /// like, which the provider would prefer, are not passed. npm may be pointed at a registry mirror and a cache (every
    /// package is checked against the committed lockfile's integrity anyway).
    /// </summary>
    /// <para>
    /// Locally only: in a pipeline either may be a CI/CD or trigger variable pointing at someone else's external_account
    /// file (a token_url on their host, a credential_source reading any file), so there terraform gets only the
    /// Workload Identity file the build itself wrote, set deliberately for the launch.
    /// </para>
    private static readonly Dictionary<string, string[]> PerToolLocally = new(StringComparer.OrdinalIgnoreCase)
    {
        ["terraform"] = ["GOOGLE_APPLICATION_CREDENTIALS", "CLOUDSDK_CONFIG"],
    };

    private static readonly Dictionary<string, string[]> PerTool = new(StringComparer.OrdinalIgnoreCase)
    {
        ["npm"] = ["npm_config_registry", "NPM_CONFIG_REGISTRY", "npm_config_cache", "NPM_CONFIG_CACHE"],
    };

    /// <summary>
    /// Tools that keep the whole environment: <c>dotnet</c> runs the repository's own test suite (the Test target),
    /// which needs the SDK's DOTNET_* and NUGET_* settings and CI; no deploy job runs it.
    /// </summary>
    private static readonly HashSet<string> Inheriting = new(StringComparer.OrdinalIgnoreCase) { "dotnet" };

    private static StringComparer NameComparer => OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    /// <summary>Whether a variable the build inherited reaches <paramref name="tool"/> (a name or a path to its executable).</summary>
    public bool Passes(string tool, string variable)
    {
        ArgumentNullException.ThrowIfNull(tool);
        ArgumentNullException.ThrowIfNull(variable);
        var name = ToolName(tool);
        return Inheriting.Contains(name)
            || variable.StartsWith("LC_", StringComparison.Ordinal)
            || Always.Contains(variable, NameComparer)
            || (!inPipeline && LocalOnly.Contains(variable, NameComparer))
            || (PerTool.TryGetValue(name, out var extra) && extra.Contains(variable, NameComparer))
            || (!inPipeline && PerToolLocally.TryGetValue(name, out var local) && local.Contains(variable, NameComparer));
    }

    /// <summary>
    /// The changes to the inherited environment for one launch, as <see cref="GitOps.Targets.Tooling.ToolInvocation.Environment"/>
    /// takes them: every inherited variable that does not pass is removed (null), and <paramref name="deliberate"/>
    /// (what the build sets for this launch: TF_DATA_DIR, GOOGLE_APPLICATION_CREDENTIALS in CI, GIT_TERMINAL_PROMPT...)
    /// is applied as it is.
    /// </summary>
    public IReadOnlyDictionary<string, string?> For(string tool, IReadOnlyDictionary<string, string?> deliberate, IDictionary inherited)
    {
        ArgumentNullException.ThrowIfNull(deliberate);
        ArgumentNullException.ThrowIfNull(inherited);
        var result = new Dictionary<string, string?>(NameComparer);
        foreach (DictionaryEntry entry in inherited)
        {
            if (entry.Key is string name && !Passes(tool, name))
            {
                result[name] = null;
            }
        }

        if (inPipeline && !Inheriting.Contains(ToolName(tool)))
        {
            foreach (var (name, value) in HomeVariables(pipelineHome!))
            {
                result[name] = value;
            }
        }

        foreach (var (name, value) in deliberate)
        {
            result[name] = value;
        }

        return result;
    }

    /// <summary>
    /// Where a tool looks for a user's configuration, cache and data, all inside <paramref name="home"/>. The XDG
    /// directories are named too, so that no tool falls back to a platform default outside it (helm on macOS does).
    /// </summary>
    private static IEnumerable<KeyValuePair<string, string?>> HomeVariables(string home)
    {
        yield return new("HOME", home);
        yield return new("XDG_CONFIG_HOME", Path.Combine(home, ".config"));
        yield return new("XDG_CACHE_HOME", Path.Combine(home, ".cache"));
        yield return new("XDG_DATA_HOME", Path.Combine(home, ".local", "share"));
        yield return new("XDG_STATE_HOME", Path.Combine(home, ".local", "state"));
        if (OperatingSystem.IsWindows())
        {
            // terraform reads %APPDATA%\terraform.rc, git %USERPROFILE%\.gitconfig when HOME is unset, helm %APPDATA%.
            yield return new("USERPROFILE", home);
            yield return new("APPDATA", Path.Combine(home, "AppData", "Roaming"));
            yield return new("LOCALAPPDATA", Path.Combine(home, "AppData", "Local"));
            yield return new("HOMEDRIVE", null);
            yield return new("HOMEPATH", null);
        }
    }

    private static string ToolName(string tool) =>
        Path.GetFileNameWithoutExtension(tool.Replace('\\', '/').Split('/')[^1]);
}
