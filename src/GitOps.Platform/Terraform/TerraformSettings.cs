namespace GitOps.Platform.Terraform;

/// <summary>Knobs shared by every Terraform run of a build.</summary>
public sealed record TerraformSettings
{
    /// <summary>How long a command waits for a state lock held by someone else before failing.</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Limit for one command; GKE creation takes a quarter of an hour, so none by default.</summary>
    public TimeSpan? CommandTimeout { get; init; }

    /// <summary>Extra environment for terraform (a null value removes an inherited variable).</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();
}
