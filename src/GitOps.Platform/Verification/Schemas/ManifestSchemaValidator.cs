using GitOps.Targets.Tooling;

namespace GitOps.Platform.Verification.Schemas;

/// <summary>
/// Verify's schema check: Argo CD v3's and Kubernetes' schemas, applied by node in one process per Verify run
/// (<c>Validator/validate-manifests.mjs</c>, installed by <see cref="ManifestSchemaInstaller"/>).
/// </summary>
/// <param name="runner">Runs the launcher.</param>
/// <param name="launcher">The installed launcher, e.g. <c>await ManifestSchemaInstaller.EnsureAsync(...)</c>.</param>
public sealed class ManifestSchemaValidator(IToolRunner runner, string launcher)
{
    /// <summary>
    /// Starts node now, so it loads the validators while helm renders; <see cref="ManifestSchemaRun.ValidateAsync"/>
    /// then hands it every object at once.
    /// </summary>
    internal ManifestSchemaRun Start(CancellationToken cancellationToken) => new(runner, launcher, cancellationToken);
}
