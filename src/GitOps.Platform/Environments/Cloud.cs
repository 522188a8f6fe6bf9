namespace GitOps.Platform.Environments;

/// <summary>A cloud provider target. Only gcp is supported today.</summary>
public enum Cloud
{
    Gcp,
}
