namespace GitOps.Platform.Tests.Terraform;

/// <summary>
/// Real terraform: an init stopped (by --timeout or Ctrl-C) while it set up the backend leaves the data directory's
/// terraform.tfstate at 0 bytes and its .terraform.tfstate.lock.info behind; on its own, terraform then fails every
/// later init with "Failed to load state: invalid syntax: unexpected end of JSON input".
/// </summary>
public sealed class InterruptedInitTests : IDisposable
{
    private readonly TerraformTestModule module = new();

    private string DataState => Path.Combine(module.Workspace.DataDirectory, "terraform.tfstate");

    private string DataLockInfo => Path.Combine(module.Workspace.DataDirectory, ".terraform.tfstate.lock.info");

    [Fact]
    public async Task An_empty_backend_state_and_the_lock_of_a_dead_init_are_removed_with_a_note_and_init_succeeds()
    {
        Directory.CreateDirectory(module.Workspace.DataDirectory);
        await File.WriteAllTextAsync(DataState, string.Empty);
        await File.WriteAllTextAsync(DataLockInfo, $$"""{"ID":"0b6f","Operation":"","Info":"","Who":"ci@runner","Version":"1.9.8","Created":"2026-12-01T19:00:00Z","Path":"{{DataState}}"}""");
        var terraform = module.CreateDriver();

        await terraform.InitAsync(module.Workspace.BackendConfig, reconfigure: true, CancellationToken.None);
        var changes = await terraform.PlanAsync(module.Workspace.VarFiles, module.Workspace.Variables, module.Workspace.PlanFile, destroy: false, CancellationToken.None);

        changes.ShouldBeTrue();
        new FileInfo(DataState).Length.ShouldBeGreaterThan(0, "init wrote the backend's configuration again");
        File.Exists(DataLockInfo).ShouldBeFalse();
        module.Log.Lines.Count(line => line.Contains("interrupted", StringComparison.Ordinal)).ShouldBe(1, module.Log.Text);
    }

    [Fact]
    public async Task A_non_empty_backend_state_is_never_deleted()
    {
        var terraform = module.CreateDriver();
        await terraform.InitAsync(module.Workspace.BackendConfig, reconfigure: false, CancellationToken.None);
        var written = await File.ReadAllTextAsync(DataState);
        await File.WriteAllTextAsync(DataLockInfo, "{}");

        await terraform.InitAsync(module.Workspace.BackendConfig, reconfigure: false, CancellationToken.None);

        (await File.ReadAllTextAsync(DataState)).ShouldBe(written);
        module.Log.Text.ShouldNotContain("interrupted");
    }

    public void Dispose() => module.Dispose();
}
