using GitOps.Targets.Errors;
using GitOps.Targets.Tooling;

namespace GitOps.Targets.Execution;

/// <summary>What a target's exception says to the user: known failures as their message, surprises with their type.</summary>
internal static class FailureMessage
{
    public static string For(Exception exception) => exception switch
    {
        TargetNotImplementedException => "not implemented yet: " + exception.Message,
        _ when IsExpected(exception) => exception.Message,
        AggregateException aggregate when aggregate.InnerExceptions.Count == 1 => For(aggregate.InnerExceptions[0]),
        _ => $"{exception.GetType().Name}: {exception.Message}",
    };

    /// <summary>
    /// Expected failures are shown as their message, without a stack trace: the engine's own and those of the build's
    /// libraries (GitOps.*), whose messages are written for the person running the build. Anything else is a surprise
    /// and shows its type, with the stack trace in the log file.
    /// </summary>
    public static bool IsExpected(Exception exception) =>
        exception is TargetNotImplementedException or UsageException or BuildFailedException or ToolFailedException
        || exception.GetType().Namespace?.StartsWith("GitOps.", StringComparison.Ordinal) == true;
}
