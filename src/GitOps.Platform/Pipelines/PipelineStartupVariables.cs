using GitOps.Targets.Errors;

namespace GitOps.Platform.Pipelines;

/// <summary>
/// Variables that make a shell, the dynamic loader or the .NET runtime run code before the build's first line:
/// bash expands BASH_ENV (sh: ENV) for every non-interactive script, ld.so loads LD_PRELOAD/LD_AUDIT libraries, the
/// runtime loads startup hooks, extra deps and a profiler. A pipeline or trigger variable lands in the job's
/// environment and overrides the job's own <c>variables:</c>, so the generated jobs start build.sh through
/// <see cref="BuildCommand"/>, and the build refuses to run in a pipeline with any of them set (for hand-written jobs;
/// by then such code may have run, but no target and no token exchange will).
/// </summary>
public static class PipelineStartupVariables
{
    public static IReadOnlyList<string> Names { get; } =
        ["BASH_ENV", "ENV", "LD_PRELOAD", "LD_AUDIT", "LD_LIBRARY_PATH", "DOTNET_STARTUP_HOOKS", "DOTNET_ADDITIONAL_DEPS", "CORECLR_ENABLE_PROFILING"];

    /// <summary>How a generated job starts the build: with every one of <see cref="Names"/> removed first.</summary>
    public static string BuildCommand { get; } = $"env {string.Join(' ', Names.Select(name => $"-u {name}"))} ./build.sh";

    /// <exception cref="UsageException">In a pipeline, one of <see cref="Names"/> is set.</exception>
    public static void ThrowIfSet(bool inPipeline, Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        var set = inPipeline ? Names.Where(name => variable(name) is { Length: > 0 }).ToList() : [];
        if (set.Count > 0)
        {
            throw new UsageException(
                $"{string.Join(", ", set)} {(set.Count == 1 ? "is" : "are")} set: in a pipeline they would run code before the build (a shell, loader or runtime hook); "
                + $"start it as '{BuildCommand} <Target>' as the generated jobs do, and set none of them as a pipeline variable. Nothing was run.");
        }
    }
}
