namespace GitOps.Targets.Output;

public static class LogExtensions
{
    public static void Debug(this ILog log, string message) => Require(log).Write(LogLevel.Debug, message);

    public static void Info(this ILog log, string message) => Require(log).Write(LogLevel.Info, message);

    public static void Success(this ILog log, string message) => Require(log).Write(LogLevel.Success, message);

    public static void Warning(this ILog log, string message) => Require(log).Write(LogLevel.Warning, message);

    public static void Error(this ILog log, string message) => Require(log).Write(LogLevel.Error, message);

    private static ILog Require(ILog log) => log ?? throw new ArgumentNullException(nameof(log));
}
