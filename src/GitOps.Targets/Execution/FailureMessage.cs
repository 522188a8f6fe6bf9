using GitOps.Targets.Errors;
using GitOps.Targets.Tooling;

namespace GitOps.Targets.Execution;

/// <summary>
/// What a target's exception says to the user: known failures as their message, surprises as their message marked as a
/// bug. Never a .NET type name: the type and stack trace go to <c>.nuke/temp/build.log</c> only.
/// </summary>
internal static class FailureMessage
{
    public static string For(Exception exception) => exception switch
    {
        TargetNotImplementedException => "not implemented yet: " + exception.Message,
        _ when IsExpected(exception) => exception.Message,
        AggregateException aggregate when aggregate.InnerExceptions.Count == 1 => For(aggregate.InnerExceptions[0]),
        _ => $"unexpected error, a bug in the build (details in {LogFile}): {exception.Message}",
    };

    public const string LogFile = ".nuke/temp/build.log";

    /// <summary>
    /// Expected failures are shown as their message, without a stack trace: the engine's own and those of the build's
    /// libraries (GitOps.*), whose messages are written for the person running the build. Anything else is a surprise
    /// and says so, with its type and stack trace in the log file.
    /// </summary>
    public static bool IsExpected(Exception exception) =>
        exception is TargetNotImplementedException or UsageException or BuildFailedException or ToolFailedException
            // Their messages name the file or directory that is missing, which is what the user needs to know.
            or FileNotFoundException or DirectoryNotFoundException
        || exception.GetType().Namespace?.StartsWith("GitOps.", StringComparison.Ordinal) == true;
}
