using GitOps.Platform.ChangeRequests;
using GitOps.Platform.Git;
using GitOps.Platform.GitLab;
using GitOps.Platform.Secrets;

namespace GitOps.Build;

/// <summary>Sensitive values: what boot/prepare_sensitive_information.sh and boot/env_template did.</summary>
internal sealed partial class Build
{
    // The GitLab token is sent there: a trigger variable must not choose where.
    [Parameter("GitLab API URL (default: CI_API_V4_URL).", Name = "gitlab-url", NotFromPipelineVariables = true)]
    private readonly string? GitLabUrl;

    [Parameter("GitLab project, numeric id or path such as group/project (default: CI_PROJECT_ID).", Name = "gitlab-project", NotFromPipelineVariables = true)]
    private readonly string? GitLabProject;

    /// <summary>Secrets already in the environment (a runner's tokens, a developer's exports) are masked from the start.</summary>
    protected override async Task OnBuildInitializedAsync(CancellationToken cancellationToken)
    {
        // Before any secret is read or token requested: what the build's own TLS trusts (PipelineTrustStore).
        GitOps.Platform.Pipelines.PipelineStartupVariables.ThrowIfSet(IsPipeline, Host.Variable);
        GitOps.Platform.Pipelines.PipelineTrustStore.ThrowIfAltered(IsPipeline, Host.Variable);
        // Every build needs the stage catalog: a missing or broken one is one line before any target starts.
        _ = Catalog;
        var templatePath = Path.Combine(RootDirectory, EnvTemplate.RelativePath);
        var template = File.Exists(templatePath) ? await EnvTemplate.ReadAsync(RootDirectory, cancellationToken) : null;
        SecretVariables.Register(Secrets, template, Host.Variables());
    }

    private Target PrepareSensitiveInformation => _ => _
        .Description("Loads .env and the project's GitLab CI/CD variables as masked secrets for the targets and tools (skipped in pipeline mode).")
        .OnlyWhenStatic(() => !IsPipeline, "pipeline mode: the job's CI/CD variables are already in its environment")
        .Requires(() => DotEnvIsReadable)
        .Requires(() => GitLabIsConfiguredWhenUsed)
        .Executes(async cancellationToken =>
        {
            SensitiveValues values;
            try
            {
                var request = SensitiveInformationRequest() with { GitLabNotUsedBecause = await NotOnGitLab.Value };
                values = await new SensitiveInformation(Secrets, Log).LoadAsync(request, cancellationToken);
            }
            catch (GitLabConfigurationException exception)
            {
                // Missing settings are fixed by the person running the build: a usage error, exit 2.
                throw new UsageException(exception.Message, exception);
            }

            // Child processes (terraform, helm, kubectl) read their credentials from the environment, as the scripts did;
            // later targets read them from the host's view of it.
            foreach (var (key, value) in values.Variables)
            {
                Environment.SetEnvironmentVariable(key, value);
                Host.Environment[key] = value;
            }
        });

    private Target ListSensitiveInformation => _ => _
        .Description("Lists the variables a person must set (environments/env.template): which are set and which are missing, values masked.")
        .Requires(() => DotEnvIsReadable)
        .Executes(async cancellationToken =>
        {
            var template = await EnvTemplate.ReadAsync(RootDirectory, cancellationToken);
            var environment = new Dictionary<string, string?>(Host.Variables(), StringComparer.Ordinal);
            // --gitlab-url and --gitlab-project stand in for the variables they override.
            environment["CI_API_V4_URL"] = GitLabUrl ?? environment.GetValueOrDefault("CI_API_V4_URL");
            environment["CI_PROJECT_ID"] = GitLabProject ?? environment.GetValueOrDefault("CI_PROJECT_ID");
            var dotEnv = await DotEnvFile.ReadAsync(Path.Combine(RootDirectory, DotEnvFile.Name), DotEnvFile.Name, cancellationToken);
            var fromDotEnv = new SensitiveValues(
                dotEnv.ToDictionary(), [.. dotEnv.Keys], [], gitLabSkipped: true);
            var report = SecretsReport.Create(template, environment, fromDotEnv);
            report.WriteTo(Log);
            if (report.MissingRequired.Count > 0)
            {
                throw new BuildFailedException($"{report.MissingRequired.Count} required variable(s) missing: {string.Join(", ", report.MissingRequired)} (see environments/env.template)");
            }
        });

    /// <summary>
    /// GitLab's URL, token and project as PrepareSensitiveInformation will read them, checked with the requirements so
    /// that a missing or malformed one is one line (exit 2) before any target runs and before GitLab is asked. Only
    /// their shape: nothing is sent. Missing is reported with the run's other missing values, and --plan still plans.
    /// </summary>
    private object GitLabIsConfiguredWhenUsed
    {
        get
        {
            if (NotOnGitLab.Value.GetAwaiter().GetResult() is not null)
            {
                return true;
            }

            try
            {
                var dotEnv = DotEnvFile.Read(Path.Combine(RootDirectory, DotEnvFile.Name), DotEnvFile.Name);
                return GitLabConnectionPreflight.Check(Host.Variables(), dotEnv, GitLabUrl, GitLabProject) is { } missing ? new RequirementUnmet(missing) : true;
            }
            catch (GitLabConfigurationException malformed)
            {
                throw new UsageException(malformed.Message, malformed);
            }
        }
    }

    /// <summary>Asked once (git, locally), by the requirement and then by the target.</summary>
    private Lazy<Task<string?>> NotOnGitLab => notOnGitLab ??= new(() => NotOnGitLabAsync(Host.Interrupted));

    private Lazy<Task<string?>>? notOnGitLab;

    /// <summary>A broken .env is one line before anything runs, naming it relative to the root, not a failed target.</summary>
    private bool DotEnvIsReadable => DotEnvFile.Read(Path.Combine(RootDirectory, DotEnvFile.Name), DotEnvFile.Name) is not null;

    /// <summary>A repository whose origin is on GitHub keeps its secrets in .env and the environment, not in GitLab.</summary>
    private async Task<string?> NotOnGitLabAsync(CancellationToken cancellationToken)
    {
        string? remote;
        try
        {
            remote = await new GitCli(Tools, RootDirectory, Secrets).RemoteUrlAsync("origin", cancellationToken);
        }
        catch (ToolFailedException)
        {
            remote = null; // not a git checkout (an unpacked archive): nothing says it is not GitLab's
        }

        var settings = ChangeRequestHostSettings.FromEnvironment(Host.Variables(), GitLabUrl, GitLabProject);
        return remote is not null && new ChangeRequestHostFactory(settings, Secrets, Log).IsGitHub(remote)
            ? "this repository's origin is on GitHub; its secrets come from .env and the environment"
            : null;
    }

    private SensitiveInformationRequest SensitiveInformationRequest() => new(RootDirectory, Host.Variables())
    {
        EnvironmentName = Stage is null ? null : Cloud is null ? StageName : $"{StageName}/{CloudName}",
        GitLabUrl = GitLabUrl,
        GitLabProject = GitLabProject,
        Pipeline = IsPipeline,
        GitLabOptions = GitLabClientOptions.Default.Within(Timeout),
    };
}
