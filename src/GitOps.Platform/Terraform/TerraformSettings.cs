namespace GitOps.Platform.Terraform;

/// <summary>Knobs shared by every Terraform run of a build.</summary>
public sealed record TerraformSettings
{
    /// <summary>How long a command waits for a state lock held by someone else before failing.</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Limit for one command; GKE creation takes a quarter of an hour, so none by default.</summary>
    public TimeSpan? CommandTimeout { get; init; }

    /// <summary>
    /// <c>--timeout</c> for the commands that only talk to the state backend and the provider registry (init, output,
    /// state push, force-unlock): a backend that never answers must not hold the build. plan, apply and destroy change
    /// or refresh clusters and keep <see cref="CommandTimeout"/>. Null: not bounded.
    /// </summary>
    public TimeSpan? RequestTimeout { get; init; }

    /// <summary>
    /// In a pipeline: a root that requires providers must commit its <c>.terraform.lock.hcl</c>, or init is refused
    /// (without one, init takes whatever provider build the registry or a configured mirror serves for the pinned version).
    /// </summary>
    public bool RequireLockFile { get; init; }

    /// <summary>Extra environment for terraform (a null value removes an inherited variable).</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();
}
