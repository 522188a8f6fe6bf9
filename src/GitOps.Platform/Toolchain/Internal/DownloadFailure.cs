namespace GitOps.Platform.Toolchain.Internal;

/// <summary>Why a download failed, in words for the one-line error; <see cref="Unreachable"/> when nothing was served.</summary>
internal sealed class DownloadFailure : Exception
{
    public DownloadFailure()
    {
    }

    public DownloadFailure(string message)
        : base(message)
    {
    }

    public DownloadFailure(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DownloadFailure(string message, bool unreachable, Exception? innerException = null)
        : base(message, innerException) => Unreachable = unreachable;

    public bool Unreachable { get; }
}
