namespace GitOps.Platform.Environments;

/// <summary>A deployment stage; spelled in kebab-case on the command line (<c>qa-int</c>).</summary>
public enum Stage
{
    Dev,
    Nightly,
    Qa,
    QaInt,
    Prod,
}
