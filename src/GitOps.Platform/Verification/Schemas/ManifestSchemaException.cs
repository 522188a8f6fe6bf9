namespace GitOps.Platform.Verification.Schemas;

/// <summary>The schema check could not be installed or run; the message is one line saying what and why.</summary>
public sealed class ManifestSchemaException : Exception
{
    public ManifestSchemaException()
    {
    }

    public ManifestSchemaException(string message)
        : base(message)
    {
    }

    public ManifestSchemaException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
