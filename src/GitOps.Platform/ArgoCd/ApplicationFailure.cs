namespace GitOps.Platform.ArgoCd;

/// <summary>
/// Why an Application cannot become ready by itself any more, in Argo CD's own words: what went wrong (a sync that
/// failed for good, a ComparisonError, an InvalidSpecError), the message, and the resource Argo CD blames, if any.
/// </summary>
public sealed record ApplicationFailure(string What, string Message, ArgoResourceStatus? Resource = null);
