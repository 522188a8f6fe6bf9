namespace GitOps.Platform.Promotion;

/// <summary>A values file cannot be read or edited as asked; the message is one line starting with file:line.</summary>
public sealed class ValuesFileException : Exception
{
    public ValuesFileException()
    {
    }

    public ValuesFileException(string message)
        : base(message)
    {
    }

    public ValuesFileException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
