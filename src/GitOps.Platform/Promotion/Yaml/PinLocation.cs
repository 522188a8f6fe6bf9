namespace GitOps.Platform.Promotion.Yaml;

/// <summary>One Application's pin: the <c>targetRevision</c> scalar of its chart source.</summary>
internal sealed record PinLocation(string Application, ScalarLocation Revision)
{
    /// <summary>The targetRevision scalars of the Application's other sources of the same repository (<c>ref: values</c>), which move with the pin.</summary>
    public IReadOnlyList<ScalarLocation> SameRepository { get; init; } = [];
}
