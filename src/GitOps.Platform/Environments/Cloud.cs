namespace GitOps.Platform.Environments;

/// <summary>A cloud provider an environment runs on. Spelled in kebab case on the command line and in files.</summary>
public enum Cloud
{
    Gcp,
}
