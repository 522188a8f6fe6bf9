using System.Text.Json;
using GitOps.Platform.Terraform;

namespace GitOps.Platform.Tests.Terraform;

public sealed class TerraformStateLockTests : IDisposable
{
    private readonly TerraformTestModule module = new();

    [Fact]
    public async Task A_lock_held_by_another_terraform_is_reported_plainly_and_the_run_can_be_repeated_once_it_is_gone()
    {
        var terraform = module.CreateDriver();
        var workspace = module.Workspace;
        await terraform.InitAsync(workspace.BackendConfig, reconfigure: false, CancellationToken.None);
        var holderPlan = Path.Combine(module.Root, "holder.tfplan");
        var holding = new Dictionary<string, string>(workspace.Variables) { ["hold_seconds"] = "300" };
        await terraform.PlanAsync(workspace.VarFiles, holding, holderPlan, destroy: false, CancellationToken.None);
        using var stopHolder = new CancellationTokenSource();
        var holder = terraform.ApplyAsync(holderPlan, stopHolder.Token);
        try
        {
            var lockId = await WaitForLockAsync(holder);

            var locked = await Should.ThrowAsync<TerraformStateLockedException>(() => terraform.PlanAsync(
                workspace.VarFiles, workspace.Variables, workspace.PlanFile, destroy: false, CancellationToken.None));

            locked.LockId.ShouldBe(lockId);
            locked.HeldBy.ShouldNotBeNullOrEmpty();
            locked.Operation.ShouldBe("OperationTypeApply");
            locked.Message.ShouldContain($"lock ID {lockId}");
            locked.Message.ShouldContain($"terraform -chdir={module.ModuleDirectory} force-unlock {lockId}");
            locked.Message.ShouldNotContain("Terraform acquires a state lock");
            locked.Message.ShouldNotContain("\n");
        }
        finally
        {
            // Killing the holder mid-apply is the interrupted run the next step has to recover from.
            await stopHolder.CancelAsync();
            await Should.ThrowAsync<OperationCanceledException>(() => holder);
        }

        var changes = await terraform.PlanAsync(workspace.VarFiles, workspace.Variables, workspace.PlanFile, destroy: false, CancellationToken.None);
        await terraform.ApplyAsync(workspace.PlanFile, CancellationToken.None);

        changes.ShouldBeTrue();
        (await terraform.OutputsAsync(CancellationToken.None)).GetString("cluster_name").ShouldBe("gitops-dev-europe");
    }

    private async Task<string?> WaitForLockAsync(Task holder)
    {
        // The local backend writes the lock info file right after taking the lock, but not atomically: wait until it
        // reads whole. A guard keeps a broken setup from hanging.
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (true)
        {
            if (File.Exists(module.LockInfoPath) && TryReadLockId(await File.ReadAllTextAsync(module.LockInfoPath)) is { } id)
            {
                return id;
            }

            if (holder.IsCompleted)
            {
                await holder;
                throw new InvalidOperationException("the holding apply finished before it took the lock");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), guard.Token);
        }
    }

    private static string? TryReadLockId(string text)
    {
        try
        {
            return JsonDocument.Parse(text).RootElement.TryGetProperty("ID", out var id) ? id.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public void Dispose() => module.Dispose();
}
