namespace GitOps.Targets.Errors;

/// <summary>Thrown by a target whose body is not built yet, so it fails loudly instead of succeeding silently.</summary>
public sealed class TargetNotImplementedException : Exception
{
    public TargetNotImplementedException()
        : base("not implemented yet")
    {
    }

    public TargetNotImplementedException(string message)
        : base(message)
    {
    }

    public TargetNotImplementedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
