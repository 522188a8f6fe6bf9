using GitOps.Targets.Output;
using GitOps.Targets.Tooling;

namespace GitOps.Targets;

/// <summary>
/// Base class of a build: derive, declare <see cref="Target"/> properties and [Parameter] members, and call
/// <c>Execute&lt;Build&gt;(args, x => x.Default)</c> from Main. Gives targets the log, the secret store and the tool runner.
/// </summary>
public abstract partial class BuildScript
{
    private BuildLog? log;
    private IToolRunner? tools;

    /// <summary>Where targets write; everything is masked and mirrored to <c>.nuke/temp/build.log</c>.</summary>
    protected ILog Log => log ?? throw NotInitialized();

    /// <summary>Register runtime secrets (tokens, CI variables) here so they are masked everywhere.</summary>
    protected ISecretRegistry Secrets => log?.Masker ?? throw NotInitialized();

    /// <summary>Runs external tools with masked, streamed output.</summary>
    protected IToolRunner Tools => tools ?? throw NotInitialized();

    /// <summary>The repository root (where <c>.nuke/</c> is, or <c>--root</c>).</summary>
    protected string RootDirectory { get; private set; } = string.Empty;

    /// <summary><c>.nuke/temp/</c>: logs, plans, kubeconfigs, rendered manifests. Git-ignored.</summary>
    protected string TemporaryDirectory => Path.Combine(RootDirectory, ".nuke", "temp");

    /// <summary><c>.nuke/tools/</c>: pinned tools the build installed. Git-ignored.</summary>
    protected string ToolsDirectory => Path.Combine(RootDirectory, ".nuke", "tools");

    /// <summary>The host's environment (the real one, or a test's).</summary>
    protected BuildHost Host { get; private set; } = null!;

    /// <summary>
    /// --plan is set: requirements are evaluated to check the given values, and one that would ask a server (a remote's
    /// head) must not, since --plan contacts nothing.
    /// </summary>
    protected bool IsPlanOnly { get; private set; }

    /// <summary>Every declared target in declaration order, as validated before anything runs.</summary>
    protected IReadOnlyList<TargetDescription> DeclaredTargets { get; private set; } = [];

    /// <summary>
    /// Running as a CI job: parameters marked <see cref="Parameters.ParameterAttribute.NotFromPipelineVariables"/> are then
    /// not read from variables. Any GitLab job marker counts, whatever its value (<see cref="Parameters.CiJobMarkers"/>); a
    /// build adds its own switch (e.g. --pipeline).
    /// Evaluated after the parameters are bound.
    /// </summary>
    protected virtual bool InPipeline => Parameters.CiJobMarkers.Present(Host.Variable);

    /// <summary>
    /// What <c>--root</c> must hold to be a repository of this build, before anything is written there: names ending
    /// in <c>/</c> are directories, the others files. <c>.nuke/</c> is always required.
    /// </summary>
    protected virtual IReadOnlyList<string> RepositoryMarkers => [RootFinder.NukeMarker];

    /// <summary>The first line of <c>--help</c>.</summary>
    protected virtual string Title => GetType().Name;

    /// <summary>Runs after parameters are bound and before anything is planned (not for --help, which stays fast).</summary>
    protected virtual Task OnBuildInitializedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static InvalidOperationException NotInitialized() =>
        new("The build is not initialized yet: use Log, Secrets and Tools inside target bodies, not in field initializers.");

    private void Initialize(BuildHost host, string root, BuildLog buildLog, ToolLocator locator)
    {
        Host = host;
        RootDirectory = root;
        log = buildLog;
        tools = DecorateTools(new ToolRunner(locator, buildLog, buildLog.Masker));
    }

    /// <summary>Wraps the tool runner every target gets (a build decides, e.g., what environment its tools start with).</summary>
    protected virtual IToolRunner DecorateTools(IToolRunner runner) => runner;
}
