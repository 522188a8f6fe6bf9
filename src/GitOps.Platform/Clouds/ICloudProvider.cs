namespace GitOps.Platform.Clouds;

/// <summary>
/// What the build needs to know about one cloud: where its Terraform lives and what it needs from the environment.
/// Paths are relative to the repository root and use forward slashes.
/// </summary>
public interface ICloudProvider
{
    /// <summary>The name used on the command line and in file names (<c>--cloud gcp</c>, <c>values-dev-gcp.yaml</c>).</summary>
    string Name { get; }

    /// <summary>Root module of an environment cluster on this cloud.</summary>
    string EnvironmentModuleDirectory { get; }

    /// <summary>Root module of a stage's management cluster (the one running Argo CD) on this cloud.</summary>
    string ManagementModuleDirectory { get; }

    /// <summary>Variables Terraform cannot run without: credentials and the account to build in.</summary>
    IReadOnlyList<string> RequiredEnvironmentVariables { get; }

    /// <summary>Terraform variables read from the environment rather than from tfvars, as variable name to environment variable.</summary>
    IReadOnlyDictionary<string, string> VariablesFromEnvironment { get; }

    /// <summary>
    /// Terraform variables each stage's tfvars must set, as variable name to the environment variable the cloud's
    /// tools also read: when that one is set it must agree, or Terraform and the tools would work on different accounts.
    /// </summary>
    IReadOnlyDictionary<string, string> VariablesMatchingEnvironment { get; }

    /// <summary>
    /// Fails with a one-line <see cref="CloudConfigurationException"/> when no credentials for this cloud can be found,
    /// before Terraform starts. The default finds nothing to check.
    /// </summary>
    void RequireCredentials(Func<string, string?> environment)
    {
    }

    /// <summary>The tfvars file of the stage's environment cluster.</summary>
    string EnvironmentVarFile(string stage);

    /// <summary>The tfvars file of the stage's management cluster.</summary>
    string ManagementVarFile(string stage);
}
