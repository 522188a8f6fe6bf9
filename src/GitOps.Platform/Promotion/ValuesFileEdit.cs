namespace GitOps.Platform.Promotion;

/// <summary>
/// <c>deployedRelease</c> of one environment (in its values file, or its parent Application's helm parameter) moving from <see cref="PreviousVersion"/> to <see cref="NewVersion"/>;
/// the texts let the caller render the manifests before and after (helm template).
/// </summary>
public sealed record ValuesFileEdit(string Cloud, string Path, string PreviousVersion, string NewVersion, string OriginalText, string EditedText)
{
    /// <summary>Where the release is written in the file (values key or parent Application's parameter); null for a values file's top-level key.</summary>
    public StageValuesFile? File { get; init; }

    /// <summary>The edit applied to the file as it is on the target branch.</summary>
    public string ApplyTo(string text) => File?.WithRelease(text, NewVersion) ?? ValuesFileEditor.SetScalar(text, ValuesFileEditor.DeployedRelease, NewVersion, Path);
}
