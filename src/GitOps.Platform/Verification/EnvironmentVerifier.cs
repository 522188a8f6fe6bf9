using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using GitOps.Platform.Environments;
using GitOps.Platform.Git;
using GitOps.Platform.Helm;
using GitOps.Platform.Promotion.Pins;
using GitOps.Platform.Verification.Checks;
using GitOps.Platform.Verification.Rendering;
using GitOps.Platform.Verification.Schemas;
using GitOps.Targets.Output;
using GitOps.Targets.Tooling;

namespace GitOps.Platform.Verification;

/// <summary>
/// Verify: checks every environment of the catalog offline with the real helm (helm template per environment, helm
/// lint once per chart, in parallel) plus the repository-wide rules, and returns every finding, not only the first.
/// </summary>
/// <param name="helm">helm, e.g. <c>new HelmCli(runner, await HelmInstaller.EnsureAsync(...))</c>.</param>
/// <param name="schemas">The schema check of every committed and rendered object (one node process per run, started
/// first and fed each environment's objects as soon as they are rendered).</param>
/// <param name="runner">Runs git (the tracked-files rule; the pins, their history and their charts).</param>
/// <param name="log">Progress lines; findings are returned, not logged.</param>
public sealed class EnvironmentVerifier(HelmCli helm, ManifestSchemaValidator schemas, IToolRunner runner, ILog log)
{
    /// <summary>
    /// How many helm processes run at once (one helm template per environment, plus the chart's helm lint). Two per
    /// core: a helm process spends part of its short life starting and writing its output, so one per core leaves the
    /// cores idle in between (verify-benchmark.sh measured 0.70 s against 0.82 s for five environments on two cores).
    /// </summary>
    public int MaxParallelism { get; init; } = 2 * Environment.ProcessorCount;

    /// <exception cref="ManifestSchemaException">When the schema check cannot run (one line).</exception>
    public async Task<IReadOnlyList<Finding>> VerifyAsync(string repositoryRoot, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(repositoryRoot);
        var stopwatch = Stopwatch.StartNew();
        await using var schemaRun = schemas.Start(cancellationToken);
        var files = new RepositoryFiles(Path.GetFullPath(repositoryRoot));
        var sink = new FindingSink();
        var schemaRule = new SchemaRule(schemaRun);
        var manifests = new ManifestObjects(schemaRule.Submit);
        var templates = new TemplateLines(files.Root);
        var repositoryWide = Task.Run(
            async () =>
            {
                EnvironmentYamlRule.Check(files, sink, manifests);
                manifests.HandOver(); // node validates the committed objects while helm renders
                PlaceholderRule.Check(files, sink);
                ArgoCdHealthRule.Check(files, sink);
                await TrackedFilesRule.CheckAsync(files, runner, sink, cancellationToken);
            },
            cancellationToken);

        var catalog = LoadCatalog(files, sink);
        var prodFiles = files.Under(EnvironmentLayout.StageDirectory(Stage.Prod), ".yaml", ".yml");
        if (catalog is not null)
        {
            var context = new VerificationContext(files, catalog, sink, templates, manifests);
            // helm first: its processes run while the catalog's own rules below are checked.
            var environmentsChecked = CheckEnvironmentsAsync(
                context,
                [.. catalog.Environments.Select(environment => new EnvironmentValuesFile(environment, EnvironmentLayout.ValuesFile(environment)))],
                cancellationToken);
            try
            {
                EnvironmentFilesRule.Check(context);
                foreach (var stage in catalog.Stages)
                {
                    AppOfAppsRule.Check(context, stage);
                    ParentsProjectRule.Check(context, stage);
                    RootApplicationRule.Check(context, stage);
                    SourceRevisionRule.Check(context, stage);
                }

                ParentsProjectRule.CheckDefaultProject(context);
                StageObjectsRule.Check(context);

                prodFiles = [.. prodFiles.Union(catalog.Definition(Stage.Prod).Environments.Select(EnvironmentLayout.ValuesFile))
                    .Append(EnvironmentLayout.AppOfAppsFile(Stage.Prod)).Append(EnvironmentLayout.RootFile(Stage.Prod)).Distinct(StringComparer.Ordinal)];
                log.Debug($"catalog and app-of-apps rules done after {stopwatch.Elapsed.TotalSeconds:0.000}s");
            }
            finally
            {
                await environmentsChecked;
            }

            log.Debug($"environments checked after {stopwatch.Elapsed.TotalSeconds:0.000}s");
        }

        CodeOwnersRule.Check(files, prodFiles, sink);
        await repositoryWide;
        log.Debug($"repository-wide rules done after {stopwatch.Elapsed.TotalSeconds:0.000}s");
        manifests.HandOver();
        await schemaRule.ReportAsync(sink, templates, cancellationToken);
        log.Debug($"schema check done after {stopwatch.Elapsed.TotalSeconds:0.000}s");
        var findings = sink.Collate();
        log.Debug($"verified {catalog?.Environments.Count ?? 0} environment(s) in {stopwatch.Elapsed.TotalSeconds:0.00}s: {findings.Count} finding(s)");
        return findings;
    }

    /// <summary>
    /// Checks values files for the given environments only (values rules, helm template, helm lint of the chart, what renders and its schemas),
    /// e.g. a values file edited for a promotion before it is committed, or generated environments in a benchmark.
    /// Repository-wide rules (files, git, CODEOWNERS) are not run.
    /// </summary>
    public async Task<IReadOnlyList<Finding>> VerifyEnvironmentsAsync(
        string repositoryRoot, IReadOnlyList<EnvironmentValuesFile> environments, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(repositoryRoot);
        ArgumentNullException.ThrowIfNull(environments);
        await using var schemaRun = schemas.Start(cancellationToken);
        var files = new RepositoryFiles(Path.GetFullPath(repositoryRoot));
        var sink = new FindingSink();
        if (LoadCatalog(files, sink) is { } catalog)
        {
            var schemaRule = new SchemaRule(schemaRun);
            var context = new VerificationContext(files, catalog, sink, new TemplateLines(files.Root), new ManifestObjects(schemaRule.Submit));
            await CheckEnvironmentsAsync(context, environments, cancellationToken);
            await schemaRule.ReportAsync(sink, context.Templates, cancellationToken);
        }

        return sink.Collate();
    }

    private async Task CheckEnvironmentsAsync(
        VerificationContext context, IReadOnlyList<EnvironmentValuesFile> environments, CancellationToken cancellationToken)
    {
        // The stages that follow a branch run the working tree's chart: they are rendered while PinRule's git
        // processes check and export the promoted stages' pins, which come after.
        var charts = new ConcurrentDictionary<Stage, StageChart>(context.Catalog.Stages
            .Where(definition => !context.Catalog.IsPinned(definition.Stage))
            .ToDictionary(definition => definition.Stage, definition => new StageChart(definition.Stage, null, context.Files.Root)));
        var check = new EnvironmentCheck(context, helm, charts);
        var lint = new ChartLint(context, helm);

        // Each environment's values are read and checked once, by whichever job needs them first.
        var prepared = environments
            .Select(entry => (entry.Environment, Inputs: new Lazy<EnvironmentHelmInputs?>(() => check.Prepare(entry.Environment, entry.Path))))
            .ToList();
        var following = prepared.Where(entry => !context.Catalog.IsPinned(entry.Environment.Stage)).ToList();
        var promoted = prepared.Where(entry => context.Catalog.IsPinned(entry.Environment.Stage)).ToList();

        var jobs = Channel.CreateUnbounded<Func<CancellationToken, Task>>();
        var workingTreeLint = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (following.Count == 0)
        {
            workingTreeLint.SetResult(false);
        }
        else
        {
            jobs.Writer.TryWrite(async token => workingTreeLint.SetResult(await lint.RunAsync(following.Select(entry => entry.Inputs), token)));
        }

        foreach (var entry in following)
        {
            jobs.Writer.TryWrite(token => TemplateAsync(context, check, entry.Inputs, token));
        }

        var run = Parallel.ForEachAsync(
            jobs.Reader.ReadAllAsync(cancellationToken),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, MaxParallelism), CancellationToken = cancellationToken },
            async (job, token) => await job(token));
        var pairs = Task.CompletedTask;
        try
        {
            var git = new GitCli(runner, context.Files.Root);
            var main = new MainLine(git, fetchTimeout: MainLine.VerifyFetchTimeout);
            foreach (var (stage, chart) in await PinRule.CheckAsync(context, git, main, log, cancellationToken))
            {
                charts[stage] = chart;
            }

            // The pairs' history is read while helm renders the promoted stages: main and its first-parent line are PinRule's.
            var pinsChecked = charts.Keys.Where(context.Catalog.IsPinned).ToHashSet();
            pairs = Task.Run(() => PairRule.CheckAsync(context, git, main, pinsChecked, cancellationToken), cancellationToken);

            var workingTreeChart = EnvironmentLayout.Resolve(context.Files.Root, EnvironmentLayout.ChartDirectory);

            // One lint per pinned chart that differs from the working tree's; a pinned stage running the working tree's
            // chart shares its lint, unless no branch-following environment got lint that far.
            foreach (var chart in promoted.Where(entry => charts.ContainsKey(entry.Environment.Stage))
                .GroupBy(entry => charts[entry.Environment.Stage].Directory, entry => entry.Inputs, StringComparer.Ordinal))
            {
                jobs.Writer.TryWrite(async token =>
                {
                    if (chart.Key != workingTreeChart || !await workingTreeLint.Task.WaitAsync(token))
                    {
                        await lint.RunAsync(chart, token);
                    }
                });
            }

            foreach (var entry in promoted)
            {
                jobs.Writer.TryWrite(token => TemplateAsync(context, check, entry.Inputs, token));
            }
        }
        finally
        {
            jobs.Writer.Complete();
            await run;
            await pairs;
        }
    }

    // What renders goes to the schema check at once: node validates it while helm renders the next environments.
    private static async Task TemplateAsync(
        VerificationContext context, EnvironmentCheck check, Lazy<EnvironmentHelmInputs?> inputs, CancellationToken cancellationToken)
    {
        if (inputs.Value is { } prepared)
        {
            await check.RunAsync(prepared, cancellationToken);
            context.Manifests.HandOver();
        }
    }

    private static StageCatalog? LoadCatalog(RepositoryFiles files, FindingSink sink)
    {
        if (!files.Exists(EnvironmentLayout.StagesFile))
        {
            sink.Add(EnvironmentLayout.StagesFile, 1, RuleIds.CatalogInvalid, "the stage catalog is missing; it declares the stages, their clouds and the promotion order");
            return null;
        }

        try
        {
            return StageCatalog.Load(files.FullPath(EnvironmentLayout.StagesFile), EnvironmentLayout.StagesFile);
        }
        catch (CatalogException exception)
        {
            foreach (var error in exception.Errors)
            {
                sink.Add(error.File, error.Line, RuleIds.CatalogInvalid, error.Message);
            }

            if (exception.Errors.Count == 0)
            {
                // The whole file is at fault (a directory, a FIFO, too large): its message names the file already.
                sink.Add(EnvironmentLayout.StagesFile, 1, RuleIds.CatalogInvalid, exception.Message[(exception.Message.IndexOf(": ", StringComparison.Ordinal) + 2)..]);
            }

            return null;
        }
    }
}
