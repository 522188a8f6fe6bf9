using GitOps.Targets.Errors;

namespace GitOps.Platform.Environments;

/// <summary>
/// The stage catalog is invalid; <see cref="Errors"/> lists every mistake found, not only the first. A usage error
/// (exit 2): the catalog is the user's own file, and whichever target reads it first reports it.
/// </summary>
public sealed class CatalogException : UsageException
{
    public CatalogException()
    {
    }

    public CatalogException(string message)
        : base(message)
    {
    }

    public CatalogException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CatalogException(IReadOnlyList<CatalogError> errors)
        : base(string.Join(Environment.NewLine, errors ?? throw new ArgumentNullException(nameof(errors))))
    {
        Errors = errors;
    }

    public IReadOnlyList<CatalogError> Errors { get; } = [];
}
