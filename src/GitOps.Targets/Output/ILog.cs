namespace GitOps.Targets.Output;

/// <summary>
/// Where targets and the libraries they call write what they do. Every line passes the secret masker,
/// lands in the console (grouped per target) and in <c>.nuke/temp/build.log</c>.
/// </summary>
public interface ILog
{
    void Write(LogLevel level, string message);
}
