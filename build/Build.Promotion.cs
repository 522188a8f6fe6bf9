using GitOps.Platform.ChangeRequests;
using GitOps.Platform.E2e;
using GitOps.Platform.Environments;
using GitOps.Platform.Environments.Loading;
using GitOps.Platform.Git;
using GitOps.Platform.GitLab;
using GitOps.Platform.Helm;
using GitOps.Platform.Promotion;

namespace GitOps.Build;

/// <summary>Promotion of a release dev -> qa -> qa-int -> prod, each step a reviewed merge request (seed 000).</summary>
internal sealed partial class Build
{
    [Parameter("Release to promote (SemVer), for the release entry: opens the MR that moves qa to it. RunE2E does not run then.")]
    private readonly string? Version;

    [Parameter("Promote even though the e2e record is missing or failed (logged, and written into the MR).", CommandLineOnly = true)]
    private readonly bool Force;

    [Parameter("Version to roll back to; must appear in the history of the stage's values files.")]
    private readonly string? To;

    [Parameter("E2e suite command, run from the repository root and split on spaces (default: bash tests/e2e/run.sh). It gets STAGE, CLOUD, RELEASE, BASE_URL and JUNIT_PATH.", Name = "e2e-command", NotFromPipelineVariables = true)]
    private readonly string? E2eCommand;

    [Parameter("Release Argo CD synced, as the PostSync hook's pipeline trigger reports it (RELEASE); RunE2E refuses when the checkout holds another.")]
    private readonly string? Release;

    [Parameter("URL the e2e suite tests (default: https://<portal ingress host> from the environment's values file).", Name = "e2e-base-url")]
    private readonly string? E2eBaseUrl;

    private Target RunE2E => _ => _
        .Description("Runs the e2e suite against the environment (every cloud of the stage without --cloud) and records the version tested and the result.")
        .DependsOn(PrepareSensitiveInformation)
        .After(DeployAppOfApps)
        // The release entry (--version) moves qa to a release no environment of ours has run: nothing to test yet.
        .OnlyWhenStatic(() => Version == null)
        .Requires(() => Stage)
        .Requires(() => EnvironmentIsDeclared)
        .Requires(() => ReleaseIsValid)
        .Executes(async cancellationToken => await AsBuildErrorsAsync(async () =>
        {
            var environments = Cloud is { } cloud
                ? [new EnvironmentId(Stage!.Value, cloud)]
                : CatalogPromotionStages.Load(RootDirectory).Catalog.Definition(Stage!.Value).Environments;
            var failures = new List<string>();
            foreach (var environment in environments)
            {
                if (await RunE2EAsync(environment, cancellationToken) is { } failure)
                {
                    failures.Add(failure);
                }
            }

            if (failures.Count > 0)
            {
                throw new BuildFailedException(string.Join("; ", failures));
            }
        }));

    /// <summary>Runs the suite on one environment; returns why it failed (after quarantining the release), or null.</summary>
    private async Task<string?> RunE2EAsync(EnvironmentId environment, CancellationToken cancellationToken)
    {
        var path = EnvironmentLayout.ValuesFile(environment);
        var values = await ValuesFileText.ReadAsync(EnvironmentLayout.Resolve(RootDirectory, path), cancellationToken);
        var release = ValuesFileEditor.ReadScalar(values, ValuesFileEditor.DeployedRelease, path);
        if (Release is not null && Release != release)
        {
            // main moved between Argo CD's sync and this pipeline: testing (and promoting) the checkout's release
            // would judge a release the environment does not run.
            throw new BuildFailedException($"the trigger reports release {Release} synced to {environment}, but {path} in this checkout holds {release}; rerun the pipeline on the synced commit");
        }

        var command = (E2eCommand ?? "bash tests/e2e/run.sh").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var request = new E2eRunRequest(environment.Stage.ToName(), environment.Cloud.ToName(), release, E2eBaseUrl ?? EnvironmentUrl.Read(values, path), RootDirectory)
        {
            Tool = command.Length > 0 ? command[0] : throw new UsageException("--e2e-command is empty; give the suite's command, e.g. 'bash tests/e2e/run.sh'"),
            Arguments = command[1..],
        };
        var record = await new E2eRunner(Tools, Log).RunAsync(request, cancellationToken);
        if (record.Result == E2eResult.Passed)
        {
            return null;
        }

        await QuarantineAsync(record, cancellationToken);
        return $"e2e failed on {environment} for release {release}: {record.Summary}; JUnit report: {record.JUnitPath}";
    }

    private Target OpenPromotionMR => _ => _
        .Description("Opens (or updates) the MR promoting the stage's release to the next stage; --version V opens the MR moving qa to release V.")
        .DependsOn(RunE2E)
        .DependsOn(PrepareSensitiveInformation)
        .Requires(() => StageCanBePromoted)
        .Requires(() => VersionIsSemVer)
        .Requires(Helm)
        .Executes(async cancellationToken => await AsBuildErrorsAsync(async () =>
        {
            var catalog = CatalogPromotionStages.Load(RootDirectory);
            var plan = Version is null ? await PlanPromotionAsync(catalog, cancellationToken) : await PlanReleaseAsync(catalog, cancellationToken);
            await PublishAsync(plan, cancellationToken);
        }));

    private Target Rollback => _ => _
        .Description("Opens the merge request that sets a stage back to an earlier release (--to).")
        .DependsOn(PrepareSensitiveInformation)
        .Requires(() => Stage)
        .Requires(() => To)
        .Requires(() => RollbackTargetIsSemVer)
        .Requires(Helm)
        .Executes(async cancellationToken => await AsBuildErrorsAsync(async () =>
        {
            var catalog = CatalogPromotionStages.Load(RootDirectory);
            var files = await PromotionInputs.ValuesFilesAsync(RootDirectory, catalog, StageName, cancellationToken);
            var rejected = await PromotionInputs.RejectedAsync(RootDirectory, cancellationToken);
            var plan = await new RollbackPlanner(PromotionGitCli()).PlanAsync(StageName, To!, files, rejected, Force, cancellationToken);
            await PublishAsync(plan with { RequiresCodeOwnerApproval = catalog.RequiresCodeOwnerApproval(StageName) }, cancellationToken);
        }));

    /// <summary>
    /// Checked before anything runs, so a typo never waits for GitLab's variables to be loaded first. The release
    /// entry job passes RELEASE_ENTRY_VERSION as --version: a refusal names the variable the trigger set.
    /// </summary>
    private bool VersionIsSemVer => IsSemVer(Version, IsPipeline && Host.Variable("RELEASE_ENTRY_VERSION") is { } entry && entry == Version ? "RELEASE_ENTRY_VERSION (--version)" : "--version");

    /// <summary>RELEASE comes from the PostSync hook's trigger: SemVer on SemVer stages, a branch name on the others.</summary>
    private bool ReleaseIsValid
    {
        get
        {
            if (Stage is { } stage && Release is not null)
            {
                TriggerInputs.RequireRelease(CatalogPromotionStages.Load(RootDirectory).Catalog, stage, Release);
            }

            return true;
        }
    }

    private bool RollbackTargetIsSemVer => IsSemVer(To, "--to");

    private static bool IsSemVer(string? text, string flag)
    {
        try
        {
            return text is null || ReleaseVersion.Parse(text, flag) is not null;
        }
        catch (PromotionRefusedException refusal)
        {
            throw new UsageException(refusal.Message, refusal);
        }
    }

    /// <summary>
    /// Checked with the requirements, before anything runs: refusing nightly, prod and dev (exit 2) there keeps RunE2E
    /// from testing an environment whose release cannot be promoted anyway.
    /// </summary>
    private bool StageCanBePromoted => Version is not null || Stage is not { } stage || PromotableStage(CatalogPromotionStages.Load(RootDirectory), stage);

    private static bool PromotableStage(CatalogPromotionStages catalog, Stage stage)
    {
        var promotable = string.Join(", ", catalog.Catalog.Promotions.Where(step => step.Trigger != PromotionTrigger.PlatformRelease).Select(step => step.From.ToName()));
        return catalog.Catalog.Promotions.FirstOrDefault(step => step.From == stage) switch
        {
            null => throw new UsageException($"{stage.ToName()} is never promoted: it has no next stage in {EnvironmentLayout.StagesFile}; --stage may be {promotable}"),
            { Trigger: PromotionTrigger.PlatformRelease } step => throw new UsageException(
                $"{stage.ToName()} is promoted to {step.To.ToName()} by a platform release: run OpenPromotionMR --version <release> instead"),
            _ => true,
        };
    }

    private async Task<PromotionPlan> PlanPromotionAsync(CatalogPromotionStages catalog, CancellationToken cancellationToken)
    {
        var stage = Stage ?? throw new UsageException("--stage is required (the stage whose release to promote), or --version for a new release");
        PromotableStage(catalog, stage);
        return PromotionPlanner.Plan(await PromotionInputs.ForStageAsync(RootDirectory, catalog, stage.ToName(), Force, cancellationToken));
    }

    private async Task<PromotionPlan> PlanReleaseAsync(CatalogPromotionStages catalog, CancellationToken cancellationToken)
    {
        var entry = catalog.ReleaseEntryStage;
        if (Stage is { } stage && stage.ToName() != entry && catalog.NextStage(stage.ToName()) != entry)
        {
            throw new UsageException($"--version {Version} moves {entry}, where a platform release enters; drop --stage {stage.ToName()} (or give --stage {entry})");
        }

        var files = await PromotionInputs.ValuesFilesAsync(RootDirectory, catalog, entry, cancellationToken);
        var rejected = await PromotionInputs.RejectedAsync(RootDirectory, cancellationToken);
        return PromotionPlanner.PlanRelease(Version!, entry, files, rejected, Force) with { RequiresCodeOwnerApproval = catalog.RequiresCodeOwnerApproval(entry) };
    }

    /// <summary>Renders the manifest diff into the plan, then pushes its branch and opens or updates its MR.</summary>
    private async Task PublishAsync(PromotionPlan plan, CancellationToken cancellationToken)
    {
        if (plan.IsNoOp)
        {
            Log.Success($"{plan.ToStage} already runs {plan.Version} in this checkout; nothing to change");
            return;
        }

        var git = PromotionGitCli();
        using var host = await ChangeRequestHostAsync(git, cancellationToken);
        var rendered = await new RenderedManifestDiff(HelmCli, git).RenderAsync(RootDirectory, plan, cancellationToken);
        var outcome = await new PromotionExecutor(git, host, Log) { Settings = PromotionGitSettings() }
            .ExecuteAsync(plan with { RenderedDiff = rendered }, cancellationToken);
        if (outcome.ChangeRequest is { } request)
        {
            Log.Info($"{(outcome.Pushed ? "Pushed" : "Kept")} {outcome.Branch}; MR !{request.Number}: {request.WebUrl}");
        }
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
            var git = PromotionGitCli();
            using var host = await ChangeRequestHostAsync(git, cancellationToken);
            await new ReleaseQuarantine(git, host, Log) { Settings = PromotionGitSettings() }.RecordAsync(
                new RejectedRelease(record.Version, record.Stage, record.Cloud, record.Summary, DateTimeOffset.UtcNow), cancellationToken);
        }
        catch (Exception exception) when (exception is UsageException or GitLabConfigurationException or GitLabApiException or ToolFailedException or ValuesFileException)
        {
            Log.Warning($"release {record.Version} not quarantined: {exception.Message}");
        }
    }

    private GitCli PromotionGitCli() => new(Tools, RootDirectory, Secrets);

    /// <summary>GitLab or GitHub, chosen from the host of the checkout's <c>origin</c>.</summary>
    private async Task<IChangeRequestHost> ChangeRequestHostAsync(GitCli git, CancellationToken cancellationToken)
    {
        var remote = await git.RemoteUrlAsync("origin", cancellationToken)
            ?? throw new UsageException("this checkout has no git remote 'origin'; promotion pushes its branch there and opens the MR on its host");
        var settings = ChangeRequestHostSettings.FromEnvironment(PromotionVariables(), GitLabUrl, GitLabProject);
        return new ChangeRequestHostFactory(settings, Secrets, Log).Create(remote);
    }

    /// <summary>In a GitLab job the checkout's CI_JOB_TOKEN cannot push: push with GITLAB_TOKEN instead.</summary>
    private PromotionGitSettings PromotionGitSettings()
    {
        var push = IsPipeline ? PipelinePushUrl.From(PromotionVariables()) : null;
        if (push is not null)
        {
            Secrets.Register(push);
        }

        // Inside the repository's own ignored temp folder, so a rerun finds (and removes) what a killed run left.
        return new PromotionGitSettings { PushRemote = push, WorktreeRoot = Path.Combine(RootDirectory, ".nuke", "temp", "promotion-worktrees") };
    }

    /// <summary>The environment, including what PrepareSensitiveInformation loaded (masked from the start).</summary>
    private Dictionary<string, string?> PromotionVariables() => new(Host.Variables(), StringComparer.Ordinal);

    /// <summary>Refusals the user can fix by asking differently exit with 2, everything else that is known with 1.</summary>
    private static async Task AsBuildErrorsAsync(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (PromotionRefusedException refusal)
        {
            throw refusal.IsUsageError ? new UsageException(refusal.Message, refusal) : new BuildFailedException(refusal.Message, refusal);
        }
        catch (GitLabConfigurationException exception)
        {
            throw new UsageException(exception.Message, exception);
        }
        catch (Exception exception) when (exception is ValuesFileException or HelmException or GitLabApiException or InvalidDataException or FileNotFoundException)
        {
            throw new BuildFailedException(exception.Message, exception);
        }
    }
}
