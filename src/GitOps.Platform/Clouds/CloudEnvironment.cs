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

    public static void Require(ICloudProvider cloud, Func<string, string?> variables)
    {
        var missing = Missing(cloud, variables);
        if (missing.Count > 0)
        {
            throw new CloudConfigurationException(
                $"Cloud '{cloud.Name}' needs the environment variables {string.Join(", ", cloud.RequiredEnvironmentVariables)}; "
                + $"not set: {string.Join(", ", missing)}");
        }

        cloud.RequireCredentials(variables);
    }
}
