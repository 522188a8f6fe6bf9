namespace GitOps.Platform.ArgoCd;

/// <summary>Base of the Argo CD failures a target reports as a failed step (one readable message, no secrets).</summary>
public class ArgoCdException : Exception
{
    public ArgoCdException()
    {
    }

    public ArgoCdException(string message)
        : base(message)
    {
    }

    public ArgoCdException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
