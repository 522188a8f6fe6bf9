using System.Diagnostics;
using GitOps.Platform.Environments;
using GitOps.Platform.Git;
using GitOps.Platform.Helm;
using GitOps.Platform.Verification.Checks;
using GitOps.Platform.Verification.Rendering;
using GitOps.Platform.Verification.Schemas;
using GitOps.Targets.Output;
using GitOps.Targets.Tooling;

namespace GitOps.Platform.Verification;

/// <summary>
/// Verify: checks every environment of the catalog offline with the real helm (lint and template in parallel across
/// environments) plus the repository-wide rules, and returns every finding, not only the first.
/// </summary>
/// <param name="helm">helm, e.g. <c>new HelmCli(runner, await HelmInstaller.EnsureAsync(...))</c>.</param>
/// <param name="schemas">The schema check of every committed and rendered object (one node process per run).</param>
/// <param name="runner">Runs git (the tracked-files rule; the pins, their history and their charts).</param>
/// <param name="log">Progress lines; findings are returned, not logged.</param>
public sealed class EnvironmentVerifier(HelmCli helm, ManifestSchemaValidator schemas, IToolRunner runner, ILog log)
{
    /// <summary>How many environments are checked at once; each runs helm lint and helm template side by side.</summary>
    public int MaxParallelism { get; init; } = Environment.ProcessorCount;

    /// <exception cref="ManifestSchemaException">When the schema check cannot run (one line).</exception>
    public async Task<IReadOnlyList<Finding>> VerifyAsync(string repositoryRoot, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(repositoryRoot);
        var stopwatch = Stopwatch.StartNew();
        await using var schemaRun = schemas.Start(cancellationToken);
        var files = new RepositoryFiles(Path.GetFullPath(repositoryRoot));
        var sink = new FindingSink();
        var manifests = new ManifestObjects();
        var templates = new TemplateLines(files.Root);
        var repositoryWide = Task.Run(
            async () =>
            {
                EnvironmentYamlRule.Check(files, sink, manifests);
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
            await CheckEnvironmentsAsync(
                context,
                [.. catalog.Environments.Select(environment => new EnvironmentValuesFile(environment, EnvironmentLayout.ValuesFile(environment)))],
                cancellationToken);
        }

        CodeOwnersRule.Check(files, prodFiles, sink);
        await repositoryWide;
        await SchemaRule.CheckAsync(schemaRun, manifests.All, sink, templates, cancellationToken);
        var findings = sink.Collate();
        log.Debug($"verified {catalog?.Environments.Count ?? 0} environment(s) in {stopwatch.Elapsed.TotalSeconds:0.00}s: {findings.Count} finding(s)");
        return findings;
    }

    /// <summary>
    /// Checks values files for the given environments only (values rules, helm lint, helm template, what renders and its schemas),
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
            var context = new VerificationContext(files, catalog, sink, new TemplateLines(files.Root), new ManifestObjects());
            await CheckEnvironmentsAsync(context, environments, cancellationToken);
            await SchemaRule.CheckAsync(schemaRun, context.Manifests.All, sink, context.Templates, cancellationToken);
        }

        return sink.Collate();
    }

    private async Task CheckEnvironmentsAsync(
        VerificationContext context, IReadOnlyList<EnvironmentValuesFile> environments, CancellationToken cancellationToken)
    {
        var charts = await PinRule.CheckAsync(context, new GitCli(runner, context.Files.Root), log, cancellationToken);
        var check = new EnvironmentCheck(context, helm, charts);
        await Parallel.ForEachAsync(
            environments,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, MaxParallelism), CancellationToken = cancellationToken },
            async (entry, token) => await check.RunAsync(entry.Environment, entry.Path, token));
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
