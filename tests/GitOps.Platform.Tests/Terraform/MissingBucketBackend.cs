using GitOps.Platform.Foundation;
using GitOps.Targets.Tooling;

namespace GitOps.Platform.Tests.Terraform;

/// <summary>
/// Makes the local backend behave like the gcs backend on a fresh project: `terraform init` fails with the gcs
/// backend's "storage: bucket doesn't exist" while <paramref name="bucketDirectory"/> (the stand-in bucket) does not
/// exist; everything else runs the real terraform.
/// </summary>
internal sealed class MissingBucketBackend(IToolRunner inner, string bucketDirectory) : IToolRunner
{
    public int RefusedInits { get; private set; }

    public Task<ToolResult> RunAsync(ToolInvocation invocation, CancellationToken cancellationToken)
    {
        var usesBucket = invocation.Arguments.Any(argument => argument.StartsWith($"-backend-config=path={bucketDirectory}", StringComparison.Ordinal));
        if (invocation.Arguments[0] == "init" && usesBucket && !Directory.Exists(bucketDirectory))
        {
            RefusedInits++;
            return Task.FromResult(new ToolResult(1, "", $"\nError: Failed to get existing workspaces: querying Cloud Storage failed: storage: {FoundationProvisioner.MissingBucketMessage}\n"));
        }

        return inner.RunAsync(invocation, cancellationToken);
    }
}
