namespace GitOps.Platform.Terraform;

/// <summary>
/// Another run holds the Terraform state lock. The message names the holder and the command that releases a lock
/// left behind by an interrupted run, and nothing else of Terraform's output.
/// </summary>
public sealed class TerraformStateLockedException : Exception
{
    public TerraformStateLockedException()
    {
    }

    public TerraformStateLockedException(string message)
        : base(message)
    {
    }

    public TerraformStateLockedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public string? LockId { get; init; }

    public string? HeldBy { get; init; }

    public string? Operation { get; init; }

    public string? Created { get; init; }

    /// <summary>The command that releases the lock, ready to paste.</summary>
    public string? UnlockCommand { get; init; }
}
