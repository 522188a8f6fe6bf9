using GitOps.Platform.Terraform.Internal;

namespace GitOps.Platform.Tests.Terraform;

public sealed class StateLockTests
{
    // Laid out as terraform 1.11 prints it with -no-color (checked with the local backend); the GCS details are illustrative.
    private const string Stderr = """

        Error: Error acquiring the state lock

        Error message: writing "gs://tf-state/gitops/dev/gcp/default.tflock" failed: googleapi: Error 412: At least one of
        the pre-conditions you specified did not hold., conditionNotMet
        Lock Info:
          ID:        1700d69c63f3cfb7
          Path:      gs://tf-state/gitops/dev/gcp/default.tflock
          Operation: OperationTypeApply
          Who:       runner@gitlab-runner-7
          Version:   1.11.4
          Created:   2025-11-23 15:57:59.802530742 +0000 UTC
          Info:      


        Terraform acquires a state lock to protect the state from being written
        by multiple users at the same time. Please resolve the issue above and try
        again. For most commands, you can disable locking with the "-lock=false"
        flag, but this is not recommended.
        """;

    [Fact]
    public void The_lock_info_block_gives_id_holder_operation_and_time()
    {
        var stateLock = StateLock.Parse(Stderr);

        stateLock.ShouldBe(new StateLock(
            "1700d69c63f3cfb7", "runner@gitlab-runner-7", "OperationTypeApply", "2025-11-23 15:57:59.802530742 +0000 UTC"));
        stateLock.OperationName.ShouldBe("apply");
    }

    [Fact]
    public void A_lock_failure_becomes_one_line_with_the_unlock_command()
    {
        var failure = TerraformFailure.From(
            "apply", new(1, string.Empty, Stderr), "/repo/environments/terraform/gcp/environment-cluster", "/repo/.nuke/temp/terraform/dev-gcp");

        failure.Message.ShouldBe(
            "The Terraform state of /repo/environments/terraform/gcp/environment-cluster is locked by runner@gitlab-runner-7 "
            + "since 2025-11-23 15:57:59.802530742 +0000 UTC (apply, lock ID 1700d69c63f3cfb7). Wait for that run to finish; "
            + "if it was interrupted, release the lock with: TF_DATA_DIR=/repo/.nuke/temp/terraform/dev-gcp "
            + "terraform -chdir=/repo/environments/terraform/gcp/environment-cluster force-unlock 1700d69c63f3cfb7");
    }

    [Fact]
    public void Output_without_a_lock_info_block_still_says_the_state_is_locked()
    {
        var stateLock = StateLock.Parse("Error: Error acquiring the state lock\n\nError message: timeout\n");

        stateLock.ShouldBe(new StateLock(null, null, null, null));
        StateLock.IsLockFailure("Error: Error acquiring the state lock").ShouldBeTrue();
        StateLock.IsLockFailure("Error: Saved plan is stale").ShouldBeFalse();
    }
}
