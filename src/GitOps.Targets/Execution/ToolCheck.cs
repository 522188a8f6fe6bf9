using GitOps.Targets.Errors;
using GitOps.Targets.Output;
using GitOps.Targets.Planning;
using GitOps.Targets.Tooling;

namespace GitOps.Targets.Execution;

/// <summary>
/// Makes sure every tool the planned targets need is there before anything runs: found, else installed when the
/// requirement knows how, else the build fails naming each missing tool and how to get it.
/// </summary>
internal static class ToolCheck
{
    public static async Task EnsureAsync(ExecutionPlan plan, ToolLocator locator, ILog log, CancellationToken cancellationToken)
    {
        var tools = plan.Targets.Where(target => !target.IsSkipped)
            .SelectMany(target => target.Node.Tools)
            .DistinctBy(tool => tool.Name, StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var tool in tools)
        {
            if (await ProblemAsync(tool, locator, log, cancellationToken) is { } problem)
            {
                problems.Add(problem);
            }
        }

        if (problems.Count > 0)
        {
            throw new BuildFailedException(string.Join(Environment.NewLine, problems));
        }
    }

    private static async Task<string?> ProblemAsync(ToolRequirement tool, ToolLocator locator, ILog log, CancellationToken cancellationToken)
    {
        var why = await WhyUnusableAsync(tool, locator.Find(tool.Name), cancellationToken);
        if (why is null)
        {
            return null;
        }

        if (tool.Install is null)
        {
            return $"{tool.Name}: {why}. {tool.HowToGetNow()}";
        }

        log.Info($"{tool.Name}: {why}; installing it (a pinned copy into {locator.ToolsDirectory}, or the system package).");
        try
        {
            await tool.Install(locator.ToolsDirectory, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not OutOfMemoryException and not UsageException)
        {
            return $"{tool.Name}: {why}, and installing it failed: {exception.Message}. {tool.HowToGetNow()}";
        }

        var after = await WhyUnusableAsync(tool, locator.Find(tool.Name), cancellationToken);
        return after is null ? null : $"{tool.Name}: {after} after installing. {tool.HowToGetNow()}";
    }

    private static async Task<string?> WhyUnusableAsync(ToolRequirement tool, string? path, CancellationToken cancellationToken)
    {
        if (path is null)
        {
            return "not found on PATH or under .nuke/tools";
        }

        return tool.Check is null ? null : await tool.Check(path, cancellationToken);
    }
}
