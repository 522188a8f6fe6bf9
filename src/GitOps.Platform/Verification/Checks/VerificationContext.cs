using GitOps.Platform.Environments;
using GitOps.Platform.Verification.Rendering;

namespace GitOps.Platform.Verification.Checks;

/// <summary>What every check of one Verify run shares.</summary>
internal sealed record VerificationContext(RepositoryFiles Files, StageCatalog Catalog, FindingSink Sink, TemplateLines Templates, ManifestObjects Manifests);
