namespace GitOps.Platform.Clouds;

/// <summary>
/// Something the user must fix before any cloud is touched: an unsupported cloud, a missing credential variable,
/// a missing state bucket or tfvars file. The message is one line that says what is allowed.
/// </summary>
public sealed class CloudConfigurationException : Exception
{
    /// <summary>
    /// The value is not set at all (rather than set wrong): before PrepareSensitiveInformation has run, it may still
    /// come from the project's GitLab variables, so the up-front check lets it pass and the target judges it.
    /// </summary>
    public bool IsUnset { get; init; }

    public CloudConfigurationException()
    {
    }

    public CloudConfigurationException(string message)
        : base(message)
    {
    }

    public CloudConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
