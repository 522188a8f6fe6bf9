namespace GitOps.Platform.Clouds;

/// <summary>Checks a cloud's required environment variables up front, so Terraform never starts half-configured.</summary>
public static class CloudEnvironment
{
    public static IReadOnlyList<string> Missing(ICloudProvider cloud, Func<string, string?> variables)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        ArgumentNullException.ThrowIfNull(variables);
        return [.. cloud.RequiredEnvironmentVariables.Where(name => string.IsNullOrWhiteSpace(variables(name)))];
    }

    /// <param name="cloud">The cloud whose variables and credentials are checked.</param>
    /// <param name="variables">The environment as the cloud's tools will see it.</param>
    /// <param name="unsetIsFinal">False up front, locally: what is not set yet may still come from GitLab, so only what is set is judged.</param>
    public static void Require(ICloudProvider cloud, Func<string, string?> variables, bool unsetIsFinal = true)
    {
        var missing = Missing(cloud, variables);
        if (missing.Count > 0 && unsetIsFinal)
        {
            throw new CloudConfigurationException(
                $"Cloud '{cloud.Name}' needs the environment variables {string.Join(", ", cloud.RequiredEnvironmentVariables)}; "
                + $"not set: {string.Join(", ", missing)}");
        }

        try
        {
            cloud.RequireCredentials(variables);
        }
        catch (CloudConfigurationException problem) when (problem.IsUnset && !unsetIsFinal)
        {
            // None found yet: the target checks again once the sensitive information is loaded.
        }
    }
}
