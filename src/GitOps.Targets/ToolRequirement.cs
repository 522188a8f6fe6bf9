namespace GitOps.Targets;

/// <summary>
/// An external tool a target needs. Checked before anything runs: found on PATH or under <c>.nuke/tools/</c>,
/// else installed by <see cref="Install"/> when given, else the build fails with <see cref="HowToGet"/>.
/// </summary>
public sealed record ToolRequirement(string Name, string HowToGet)
{
    /// <summary>Installs a pinned copy into the tools directory (given as argument).</summary>
    public Func<string, CancellationToken, Task>? Install { get; init; }

    /// <summary>Rejects a found copy that is unusable (too old...): returns why, or null when fine.</summary>
    public Func<string, CancellationToken, Task<string?>>? Check { get; init; }

    /// <summary>What to do, decided when the tool is found missing (it may depend on how the build runs); default <see cref="HowToGet"/>.</summary>
    public Func<string>? DescribeHowToGet { get; init; }

    /// <summary>The advice the failure message ends with.</summary>
    public string HowToGetNow() => DescribeHowToGet?.Invoke() ?? HowToGet;
}
