namespace GitOps.Platform.Environments;

/// <summary>
/// The chart and values a stage runs, on disk: the working tree's for a stage that follows a branch (dev, nightly), the
/// pinned commit's for a promoted one (chart and values of one commit, as its parent's sources read them).
/// </summary>
/// <param name="Stage">The stage.</param>
/// <param name="Pin">The stage's pin; null when it follows a branch.</param>
/// <param name="Root">What the chart's repository-relative paths resolve against: the working tree, or the pinned commit's export.</param>
public sealed record StageChart(Stage Stage, ConfigurationPin? Pin, string Root)
{
    /// <summary>The chart directory on this machine.</summary>
    public string Directory => EnvironmentLayout.Resolve(Root, EnvironmentLayout.ChartDirectory);

    /// <summary>
    /// Whether the pinned chart is file for file the working tree's; then <see cref="Root"/> is the working tree, and a
    /// finding names the file to edit, not a copy of it.
    /// </summary>
    public bool SameAsWorkingTree { get; init; }

    /// <summary>The environment's values file on this machine: the pinned commit's for a promoted stage.</summary>
    public string ValuesFile(EnvironmentId environment) => EnvironmentLayout.Resolve(Root, EnvironmentLayout.ValuesFile(environment));

    /// <summary>How messages name the values file: its path, or git's <c>&lt;sha&gt;:path</c> for a pinned one that differs.</summary>
    public string ValuesLabel(EnvironmentId environment) =>
        Pin is null || SameAsWorkingTree ? EnvironmentLayout.ValuesFile(environment) : $"{Pin.ShortSha}:{EnvironmentLayout.ValuesFile(environment)}";

    /// <summary>How messages name the chart: <c>charts/app-of-apps</c>, or git's <c>&lt;sha&gt;:charts/app-of-apps</c> for a pinned one that differs.</summary>
    public string Label => Pin is null || SameAsWorkingTree ? EnvironmentLayout.ChartDirectory : $"{Pin.ShortSha}:{EnvironmentLayout.ChartDirectory}";
}
