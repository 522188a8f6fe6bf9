namespace GitOps.Platform.Promotion;

/// <summary>
/// What promotion needs from the stage catalog (environments/). Kept this small so the catalog can be adapted to it
/// in a few lines.
/// </summary>
public interface IPromotionCatalog
{
    /// <summary>The stage promoted to from <paramref name="stage"/>; null for nightly and prod.</summary>
    string? NextStage(string stage);

    /// <summary>The stage's values files as (cloud, path relative to the repository root).</summary>
    IReadOnlyList<(string Cloud, string Path)> ValuesFiles(string stage);

    /// <summary>True where a merge must be approved by code owners and never happen automatically (prod).</summary>
    bool RequiresCodeOwnerApproval(string stage);
}
