using GitOps.Platform.Environments;
using GitOps.Platform.Pipelines;
using GitOps.Targets.Files;
using GitOps.Targets.GitLabCi;
using GitOps.Targets.GitLabCi.Generation;

namespace GitOps.Build;

/// <summary>The GitLab pipeline, generated from this target graph and the stage catalog (issue 7).</summary>
internal sealed partial class Build
{
    private string CiFile => Path.Combine(RootDirectory, GitOpsPipelines.FileName);

    [Parameter("Refuse unless this checkout is the head of the default branch (the generated manual jobs pass it, so an old pipeline's button cannot act).", CommandLineOnly = true)]
    private readonly bool RequireNewestCommit;

    /// <summary>
    /// Checked with the requirements of every target that acts on a cluster, so a refused job touches nothing. The
    /// refusal names the job to play in the newest main pipeline, and the committed project's pipelines page.
    /// </summary>
    private bool CommitIsNewestWhenRequired(string target)
    {
        // --plan contacts nothing; the run asks the remote.
        if (RequireNewestCommit && !IsPlanOnly)
        {
            var job = Stage is { } stage && Cloud is { } cloud ? GitOpsPipelines.ManualJob(Catalog, new EnvironmentId(stage, cloud), target) : null;
            NewestCommitGuard.Require(RootDirectory, instead: new NewestPipelineJob(job, CommittedProjectPage()));
        }

        return true;
    }

    private Uri? CommittedProjectPage()
    {
        try
        {
            return Platform.GitLab.CommittedGitLabProject.Load(RootDirectory).WebUrl;
        }
        catch (Platform.GitLab.GitLabConfigurationException)
        {
            return null;
        }
    }

    [Parameter("RenderMergeRequestDiff: the commit to diff against (the generated job passes CI_MERGE_REQUEST_DIFF_BASE_SHA).", NotFromPipelineVariables = true)]
    private readonly string? DiffBase;

    private Target RenderMergeRequestDiff => _ => _
        .Description($"Writes the rendered manifest diff of every environment a change touches, against --diff-base, to {GitOpsPipelines.MergeRequestDiffDirectory}/.")
        .Requires(() => DiffBase)
        .Requires(Helm)
        .Executes(async cancellationToken =>
        {
            var output = Path.Combine(RootDirectory, GitOpsPipelines.MergeRequestDiffDirectory);
            var changed = await new MergeRequestManifestDiff(HelmCli, new Platform.Git.GitCli(Tools, RootDirectory, Secrets))
                .WriteAsync(RootDirectory, DiffBase!, output, cancellationToken);
            Log.Success(changed.Count == 0
                ? $"No environment's rendered manifests change against {DiffBase}"
                : $"Rendered manifests change in {string.Join(", ", changed)}: see {GitOpsPipelines.MergeRequestDiffDirectory}/");
        });

    private Target GenerateCI => _ => _
        .Description($"Writes {GitOpsPipelines.FileName} from the target graph and environments/stages.yaml.")
        .Executes(async cancellationToken =>
        {
            var pipeline = GeneratedCi();
            foreach (var (path, child) in pipeline.Children)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(RootDirectory, path))!);
                await AtomicFile.WriteAllTextAsync(Path.Combine(RootDirectory, path), child.ToYaml(), cancellationToken);
            }

            await AtomicFile.WriteAllTextAsync(CiFile, pipeline.ToYaml(), cancellationToken);
            Log.Success($"Wrote {GitOpsPipelines.FileName}: {pipeline.Jobs.Count} jobs, and {pipeline.Children.Count} child pipelines under {GitOpsPipelines.ChildDirectory}/; commit them");
        });

    // Unlisted: Verify runs the same check; this lets a test (or a person) run it alone.
    private Target CheckGeneratedCI => _ => _
        .Description($"Fails when {GitOpsPipelines.FileName} differs from what GenerateCI writes, printing the diff and the fix.")
        .Unlisted()
        .Executes(VerifyGeneratedCiAsync);

    /// <summary>Fails with the diff and the fixing command when the committed .gitlab-ci.yml is not what GenerateCI writes.</summary>
    private async Task VerifyGeneratedCiAsync(CancellationToken cancellationToken)
    {
        var pipeline = GeneratedCi();
        var files = pipeline.Children.Select(child => (Path: child.Key, Text: child.Value.ToYaml())).Prepend((Path: GitOpsPipelines.FileName, Text: pipeline.ToYaml()));
        var stale = new List<string>();
        foreach (var (path, text) in files)
        {
            var comparison = await GeneratedFileCheck.CompareWithFileAsync(Path.Combine(RootDirectory, path), text, path, cancellationToken);
            if (!comparison.IsCurrent)
            {
                stale.Add(comparison.Describe(GitOpsPipelines.RegenerateCommand));
            }
        }

        if (stale.Count > 0)
        {
            throw new BuildFailedException(string.Join(Environment.NewLine, stale));
        }

        Log.Success($"{GitOpsPipelines.FileName} and its {pipeline.Children.Count} child pipelines are what GenerateCI writes");
    }

    private GitLabPipeline GeneratedCi()
    {
        var catalog = StageCatalog.Load(EnvironmentLayout.Resolve(RootDirectory, EnvironmentLayout.StagesFile));
        return PipelineGenerator.Generate(DeclaredTargets, GitOpsPipelines.Declare(catalog), GitOpsPipelines.Settings(catalog));
    }

    /// <summary>
    /// Checked before anything runs by every target that sends GITLAB_TOKEN: in a pipeline the GitLab instance and
    /// project are the committed ones, and a variable pointing elsewhere is refused in one line (exit 2).
    /// </summary>
    private bool GitLabIsCommittedProject
    {
        get
        {
            GitLabVariables();
            return true;
        }
    }

    /// <summary>The environment for code that talks to GitLab; in a pipeline with its coordinates pinned to the repository's.</summary>
    private Dictionary<string, string?> GitLabVariables()
    {
        var variables = new Dictionary<string, string?>(Host.Variables(), StringComparer.Ordinal);
        if (!IsPipeline)
        {
            return variables;
        }

        try
        {
            return Platform.GitLab.CommittedGitLabProject.Load(RootDirectory).Pin(variables);
        }
        catch (Platform.GitLab.GitLabConfigurationException refused)
        {
            throw new UsageException(refused.Message, refused);
        }
    }
}
