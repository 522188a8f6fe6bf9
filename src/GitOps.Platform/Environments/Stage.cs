namespace GitOps.Platform.Environments;

/// <summary>A deployment stage. On the command line and in files it is spelled in kebab case (<c>qa-int</c>).</summary>
public enum Stage
{
    Dev,
    Nightly,
    Qa,
    QaInt,
    Prod,
}
