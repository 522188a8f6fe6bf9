namespace GitOps.Platform.Promotion;

/// <summary>
/// <c>deployedRelease</c> in one values file moving from <see cref="PreviousVersion"/> to <see cref="NewVersion"/>;
/// the texts let the caller render the manifests before and after (helm template).
/// </summary>
public sealed record ValuesFileEdit(string Cloud, string Path, string PreviousVersion, string NewVersion, string OriginalText, string EditedText);
