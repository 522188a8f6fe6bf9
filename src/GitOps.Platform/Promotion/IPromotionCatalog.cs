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

    /// <summary>
    /// Where each environment's release is written, as (cloud, path, parent Application): a promoted stage's in its parent
    /// file as the Application's helm parameter, any other stage's in its values file (Application null).
    /// </summary>
    IReadOnlyList<(string Cloud, string Path, string? Application)> ReleaseFiles(string stage);

    /// <summary>True where a merge must be approved by code owners and never happen automatically (prod).</summary>
    bool RequiresCodeOwnerApproval(string stage);
}
