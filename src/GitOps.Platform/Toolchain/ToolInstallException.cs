namespace GitOps.Platform.Toolchain;

/// <summary>
/// A pinned tool could not be installed. The message is one line naming the tool, its version, the URL and what to
/// do; nothing of the attempt is left in the tools directory.
/// </summary>
public sealed class ToolInstallException : Exception
{
    public ToolInstallException()
    {
    }

    public ToolInstallException(string message)
        : base(message)
    {
    }

    public ToolInstallException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The source could not be reached at all (no route, refused, DNS, timeout), as opposed to a bad archive.</summary>
    public bool SourceUnreachable { get; init; }
}
