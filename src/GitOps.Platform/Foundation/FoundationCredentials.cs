using GitOps.Platform.Clouds;
using GitOps.Platform.Clouds.Google;
using GitOps.Platform.Terraform;
using GitOps.Targets.Errors;
using GitOps.Targets.Output;
using GitOps.Targets.Parameters;

namespace GitOps.Platform.Foundation;

/// <summary>
/// The foundation's Google identity, as the cluster targets have theirs: checked with the requirements (one line,
/// exit 2, before terraform runs, never quoting the file), locally application default credentials, in a pipeline
/// only the Workload Identity file written from the job's OIDC token and handed to terraform, then removed.
/// </summary>
public static class FoundationCredentials
{
    public static bool Require(bool pipeline, Func<string, string?> environment)
    {
        try
        {
            WorkloadIdentityCredentials.RequireIdTokenInPipeline(pipeline, environment);
            if (!pipeline && !CiJobMarkers.Present(environment))
            {
                CloudEnvironment.Require(new GoogleCloudProvider(), environment);
            }
        }
        catch (CloudConfigurationException problem)
        {
            throw new UsageException(problem.Message, problem);
        }

        return true;
    }

    /// <summary>Runs <paramref name="operation"/> with <paramref name="settings"/> carrying the job's credential file in a pipeline.</summary>
    public static async Task<T> WithAsync<T>(
        string repositoryRoot, string temporaryDirectory, string stage, Func<string, string?> environment, ISecretRegistry secrets, bool pipeline,
        TerraformSettings settings, Func<TerraformSettings, Task<T>> operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(operation);
        string? file;
        try
        {
            file = await WorkloadIdentityCredentials.WriteAsync(
                temporaryDirectory, environment, secrets, CommittedDeployer.Load(repositoryRoot, stage), cancellationToken, pipeline: pipeline);
        }
        catch (CloudConfigurationException problem)
        {
            throw new UsageException(problem.Message, problem);
        }

        if (file is null)
        {
            return await operation(settings);
        }

        try
        {
            return await operation(settings with { Environment = new Dictionary<string, string?>(settings.Environment) { [GoogleCredentialFile.Variable] = file } });
        }
        finally
        {
            WorkloadIdentityCredentials.Delete(temporaryDirectory);
        }
    }
}
