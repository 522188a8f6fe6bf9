namespace GitOps.Targets.Output;

/// <summary>
/// Values registered here are replaced with <c>***</c> in everything the build prints or logs,
/// child process output included. Register a secret before it can first be printed.
/// </summary>
public interface ISecretRegistry
{
    void Register(string secret);
}
