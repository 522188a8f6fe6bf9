namespace GitOps.Platform.Environments;

/// <summary>A promoted stage's pin is missing or malformed; <see cref="Errors"/> lists every mistake, each with file:line.</summary>
public sealed class ConfigurationPinException : Exception
{
    public ConfigurationPinException()
    {
    }

    public ConfigurationPinException(string message)
        : base(message)
    {
    }

    public ConfigurationPinException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ConfigurationPinException(IReadOnlyList<ConfigurationPinError> errors)
        : base(string.Join(Environment.NewLine, errors ?? throw new ArgumentNullException(nameof(errors))))
    {
        Errors = errors;
    }

    public IReadOnlyList<ConfigurationPinError> Errors { get; } = [];
}
