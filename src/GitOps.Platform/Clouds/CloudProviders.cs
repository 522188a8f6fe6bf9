namespace GitOps.Platform.Clouds;

/// <summary>The clouds this build can provision. Adding one means adding its provider here and its Terraform.</summary>
public static class CloudProviders
{
    private static readonly ICloudProvider[] Supported = [new GoogleCloudProvider()];

    public static IReadOnlyList<ICloudProvider> All => Supported;

    public static IReadOnlyList<string> Names { get; } = [.. Supported.Select(cloud => cloud.Name)];

    /// <summary>The provider named <paramref name="name"/>; anything else fails before a tool runs.</summary>
    public static ICloudProvider Get(string? name)
    {
        var supported = string.Join(", ", Names);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new CloudConfigurationException($"No cloud given; supported clouds: {supported}");
        }

        return Supported.FirstOrDefault(cloud => string.Equals(cloud.Name, name, StringComparison.Ordinal))
            ?? throw new CloudConfigurationException($"Cloud '{name}' is not supported; supported clouds: {supported}");
    }
}
