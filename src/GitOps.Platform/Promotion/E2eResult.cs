namespace GitOps.Platform.Promotion;

public enum E2eResult
{
    Passed,
    Failed,
}
