using GitOps.Platform.E2e;
using GitOps.Platform.Environments;
using GitOps.Platform.GitLab;
using GitOps.Targets.Errors;
using GitOps.Targets.Output;
using GitOps.Targets.Tooling;

namespace GitOps.Platform.Promotion.Service;

/// <summary>
/// Runs the e2e suite on every environment asked for, records each result, and quarantines a SemVer release whose
/// run failed. The run fails when any environment failed, naming each failure.
/// </summary>
public sealed class E2eSuite(PromotionContext context)
{
    /// <param name="environments">The environments to test (one cloud, or every cloud of the stage).</param>
    /// <param name="triggerRelease">The release the PostSync hook reports synced (RELEASE), or null.</param>
    /// <param name="triggerRevision">The commit Argo CD rendered the chart from (REVISION, from ARGOCD_APP_REVISION), or null.</param>
    /// <param name="command">The suite's command line, split on spaces; null for bash tests/e2e/run.sh.</param>
    /// <param name="baseUrl">The URL to test; null for the portal host in the environment's values.</param>
    /// <param name="cancellationToken">Stops the suite.</param>
    public async Task RunAsync(
        IEnumerable<EnvironmentId> environments, string? triggerRelease, string? triggerRevision, string? command, string? baseUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environments);
        var failures = new List<string>();
        foreach (var environment in environments)
        {
            if (await RunAsync(environment, triggerRelease, triggerRevision, command, baseUrl, cancellationToken) is { } failure)
            {
                failures.Add(failure);
            }
        }

        if (failures.Count > 0)
        {
            throw new BuildFailedException(string.Join("; ", failures));
        }
    }

    /// <summary>Runs the suite on one environment; returns why it failed (after quarantining the release), or null.</summary>
    private async Task<string?> RunAsync(
        EnvironmentId environment, string? triggerRelease, string? triggerRevision, string? command, string? baseUrl, CancellationToken cancellationToken)
    {
        var path = EnvironmentLayout.ValuesFile(environment);
        var values = await ValuesFileText.ReadAsync(EnvironmentLayout.Resolve(context.RepositoryRoot, path), cancellationToken);
        var (release, releaseFile) = ReleaseOf(environment, values, path);
        if (triggerRelease is not null && triggerRelease != release)
        {
            // main moved between Argo CD's sync and this pipeline: testing (and promoting) the checkout's release
            // would judge a release the environment does not run.
            throw new BuildFailedException($"the trigger reports release {triggerRelease} synced to {environment}, but {releaseFile} in this checkout holds {release}; rerun the pipeline on the synced commit");
        }

        var revision = PinOf(environment);
        if (triggerRevision is not null && revision is not null && triggerRevision != revision)
        {
            // The same race for the configuration: the hook reports the commit Argo CD rendered the chart from.
            throw new BuildFailedException($"the trigger reports revision {triggerRevision} synced to {environment}, but {EnvironmentLayout.AppOfAppsFile(environment.Stage)} "
                + $"in this checkout pins {revision}; rerun the pipeline on the commit that pins it");
        }

        var words = (command ?? "bash tests/e2e/run.sh").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var request = new E2eRunRequest(environment.Stage.ToName(), environment.Cloud.ToName(), release, baseUrl ?? await PortalUrlAsync(environment, values, path, cancellationToken), context.RepositoryRoot)
        {
            Revision = revision,
            Tool = words.Length > 0 ? words[0] : throw new UsageException("--e2e-command is empty; give the suite's command, e.g. 'bash tests/e2e/run.sh'"),
            Arguments = words[1..],
        };
        var record = await new E2eRunner(context.Tools, context.Log).RunAsync(request, cancellationToken);
        if (record.Result == E2eResult.Passed)
        {
            return null;
        }

        await QuarantineAsync(record, cancellationToken);
        return $"e2e failed on {environment} for {record.Tested}: {record.Summary}; JUnit report: {record.JUnitPath}";
    }

    /// <summary>The release the checkout names for the environment, and where: a promoted stage's parent file, any other stage's values file.</summary>
    private (string Release, string File) ReleaseOf(EnvironmentId environment, string values, string valuesPath)
    {
        var catalog = CatalogPromotionStages.Load(context.RepositoryRoot).Catalog;
        if (!catalog.IsPinned(environment.Stage))
        {
            return (ValuesFileEditor.ReadScalar(values, ValuesFileEditor.DeployedRelease, valuesPath), valuesPath);
        }

        try
        {
            var release = ParentReleases.Read(context.RepositoryRoot, environment);
            return (release.Value, release.File);
        }
        catch (ConfigurationPinException exception)
        {
            throw new BuildFailedException(string.Join("; ", exception.Errors));
        }
    }

    /// <summary>
    /// Where the environment answers: the portal host in the values file the stage runs. For a promoted stage that is
    /// the file at its pin (the export Render uses), not the working tree's, which main may have changed since.
    /// </summary>
    private async Task<string> PortalUrlAsync(EnvironmentId environment, string workingTreeValues, string path, CancellationToken cancellationToken)
    {
        var catalog = CatalogPromotionStages.Load(context.RepositoryRoot).Catalog;
        if (!catalog.IsPinned(environment.Stage))
        {
            return EnvironmentUrl.Read(workingTreeValues, path);
        }

        try
        {
            var chart = await new StageCharts(context.Git(), context.RepositoryRoot).ForStageAsync(catalog, environment.Stage, cancellationToken);
            return EnvironmentUrl.Read(await ValuesFileText.ReadAsync(chart.ValuesFile(environment), cancellationToken), chart.ValuesLabel(environment));
        }
        catch (ConfigurationPinException exception)
        {
            throw new BuildFailedException(string.Join("; ", exception.Errors));
        }
    }

    /// <summary>The commit the checkout pins the environment's stage to; null where the stage follows a branch (dev, nightly).</summary>
    private string? PinOf(EnvironmentId environment)
    {
        var catalog = CatalogPromotionStages.Load(context.RepositoryRoot).Catalog;
        return ConfigurationPins.Read(context.RepositoryRoot, catalog, environment.Stage)?.Sha;
    }

    /// <summary>Records a release whose e2e failed as rejected, by MR; a failure to do so must not hide the e2e failure.</summary>
    private async Task QuarantineAsync(E2eRecord record, CancellationToken cancellationToken)
    {
        if (!ReleaseVersion.TryParse(record.Version, out _))
        {
            return; // a branch (dev, nightly) is no release that could be promoted
        }

        try
        {
            var git = context.Git();
            using var host = await context.ChangeRequestHostAsync(git, cancellationToken);
            await new ReleaseQuarantine(git, host, context.Log) { Settings = context.GitSettings() }.RecordAsync(
                new RejectedRelease(record.Version, record.Stage, record.Cloud, record.Summary, DateTimeOffset.UtcNow) { Revision = record.Revision }, cancellationToken);
        }
        catch (Exception exception) when (exception is UsageException or GitLabConfigurationException or GitLabApiException or ToolFailedException or ValuesFileException)
        {
            context.Log.Warning($"release {record.Tested} not quarantined: {exception.Message}");
        }
    }
}
