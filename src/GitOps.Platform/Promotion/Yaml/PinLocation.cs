namespace GitOps.Platform.Promotion.Yaml;

/// <summary>One Application's pin: the <c>targetRevision</c> scalar of its chart source.</summary>
internal sealed record PinLocation(string Application, ScalarLocation Revision);
