using System.Collections.Concurrent;
using System.Formats.Tar;
using GitOps.Platform.Git;

namespace GitOps.Platform.Environments;

/// <summary>
/// Finds the chart and values each stage runs (<see cref="StageChart"/>). A pinned commit's chart and environments are
/// exported with <c>git archive</c> once into <see cref="EnvironmentLayout.PinnedChartsRoot"/>/&lt;sha&gt; and reused: a commit
/// never changes, so the cache never goes stale. The working tree, index and HEAD are never touched.
/// </summary>
/// <param name="git">git in the repository (the clone whose history holds the pins).</param>
/// <param name="repositoryRoot">The working tree.</param>
public sealed class StageCharts(GitCli git, string repositoryRoot)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> exports = new(StringComparer.Ordinal);

    /// <exception cref="ConfigurationPinException">The stage's pin cannot be read, or this clone does not have its commit (file:line).</exception>
    public async Task<StageChart> ForStageAsync(StageCatalog catalog, Stage stage, CancellationToken cancellationToken)
    {
        var pin = ConfigurationPins.Read(repositoryRoot, catalog, stage);
        return pin is null ? new StageChart(stage, null, repositoryRoot) : await AtPinAsync(pin, cancellationToken);
    }

    /// <summary>The chart and the stage's values files at the pin's commit; the working tree's when those are file for file the same.</summary>
    /// <exception cref="ConfigurationPinException">This clone does not have the commit, or the commit has no chart (at the pin's file:line).</exception>
    public async Task<StageChart> AtPinAsync(ConfigurationPin pin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pin);
        var export = await ExportAsync(pin, cancellationToken);
        var same = SameFiles(
            EnvironmentLayout.Resolve(export, EnvironmentLayout.ChartDirectory), EnvironmentLayout.Resolve(repositoryRoot, EnvironmentLayout.ChartDirectory))
            && SameValuesFiles(EnvironmentLayout.Resolve(export, EnvironmentLayout.StageDirectory(pin.Stage)), EnvironmentLayout.Resolve(repositoryRoot, EnvironmentLayout.StageDirectory(pin.Stage)));
        return new StageChart(pin.Stage, pin, same ? repositoryRoot : export) { SameAsWorkingTree = same };
    }

    /// <summary>The directory holding <c>charts/app-of-apps</c> as it is at the pin's commit (any commit: a pin need not be a stage's current one).</summary>
    /// <exception cref="ConfigurationPinException">This clone does not have the commit, or the commit has no chart (at the pin's file:line).</exception>
    public Task<string> ExportAsync(ConfigurationPin pin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pin);

        // One export per commit even when Verify asks for qa, qa-int and prod at once; a failure is not cached.
        var export = exports.GetOrAdd(pin.Sha, _ => new Lazy<Task<string>>(() => ExportOnceAsync(pin, cancellationToken)));
        return AwaitAsync(pin.Sha, export);
    }

    private async Task<string> AwaitAsync(string sha, Lazy<Task<string>> export)
    {
        try
        {
            return await export.Value;
        }
        catch
        {
            exports.TryRemove(new KeyValuePair<string, Lazy<Task<string>>>(sha, export));
            throw;
        }
    }

    private async Task<string> ExportOnceAsync(ConfigurationPin pin, CancellationToken cancellationToken)
    {
        var target = EnvironmentLayout.Resolve(repositoryRoot, $"{EnvironmentLayout.PinnedChartsRoot}/{pin.Sha}");
        if (Directory.Exists(target))
        {
            return target; // only ever created complete, by the move below
        }

        if (!await git.HasCommitAsync(pin.Sha, cancellationToken))
        {
            var hint = await git.IsShallowAsync(cancellationToken)
                ? "this is a shallow clone: fetch the history (git fetch --unshallow; CI jobs that render a promoted stage set GIT_DEPTH: 0)"
                : "fetch it from the remote, or move the pin only through the promotion merge request";
            throw Failure(pin, $"stage {pin.Stage.ToName()}'s pin {pin.Sha} is not a commit of this repository's history; {hint}");
        }

        var staging = $"{target}.partial-{Guid.NewGuid():N}";
        Directory.CreateDirectory(staging);
        try
        {
            var tar = Path.Combine(staging, "chart.tar");
            try
            {
                // The environments too: a promoted stage reads its values file at the pin (the ref: values source sits there).
                await git.ArchiveAsync(pin.Sha, [EnvironmentLayout.ChartDirectory, EnvironmentLayout.EnvironmentsDirectory], tar, cancellationToken);
            }
            catch (GitOps.Targets.Tooling.ToolFailedException)
            {
                throw Failure(pin, $"stage {pin.Stage.ToName()}'s pin {pin.Sha} has no {EnvironmentLayout.ChartDirectory}; pin a commit that has the chart");
            }

            var tree = Path.Combine(staging, "tree");
            Directory.CreateDirectory(tree);
            await TarFile.ExtractToDirectoryAsync(tar, tree, overwriteFiles: false, cancellationToken);
            try
            {
                Directory.Move(tree, target);
            }
            catch (IOException) when (Directory.Exists(target))
            {
                // Another build exported the same commit first; its copy is identical.
            }

            return target;
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    // The stage's values files only: its parent file at the pin cannot hold the pin itself, so it always differs.
    private static bool SameValuesFiles(string left, string right)
    {
        static List<string> Files(string root) => System.IO.Directory.Exists(root)
            ? [.. System.IO.Directory.EnumerateFiles(root, "values-*.yaml").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)]
            : [];
        var files = Files(left);
        return files.SequenceEqual(Files(right), StringComparer.Ordinal)
            && files.All(file => File.ReadAllBytes(Path.Combine(left, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(right, file))));
    }

    private static bool SameFiles(string left, string right)
    {
        static List<string> Files(string root) => Directory.Exists(root)
            ? [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(file => Path.GetRelativePath(root, file)).Order(StringComparer.Ordinal)]
            : [];
        var files = Files(left);
        return files.SequenceEqual(Files(right), StringComparer.Ordinal)
            && files.All(file => File.ReadAllBytes(Path.Combine(left, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(right, file))));
    }

    private static ConfigurationPinException Failure(ConfigurationPin pin, string message) =>
        new([new ConfigurationPinError(pin.File, pin.Line, message)]);
}
