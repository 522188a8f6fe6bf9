using GitOps.Targets.Tooling;

namespace GitOps.Platform.Tests.Terraform;

public sealed class TerraformDriverTests : IDisposable
{
    private readonly TerraformTestModule module = new();

    [Fact]
    public async Task Init_plan_apply_outputs_replan_and_destroy_run_the_whole_lifecycle()
    {
        var terraform = module.CreateDriver();
        var workspace = module.Workspace;

        await terraform.InitAsync(workspace.BackendConfig, reconfigure: false, CancellationToken.None);
        var changes = await terraform.PlanAsync(workspace.VarFiles, workspace.Variables, workspace.PlanFile, destroy: false, CancellationToken.None);
        await terraform.ApplyAsync(workspace.PlanFile, CancellationToken.None);
        var outputs = await terraform.OutputsAsync(CancellationToken.None);
        var changesAfterApply = await terraform.PlanAsync(workspace.VarFiles, workspace.Variables, workspace.PlanFile, destroy: false, CancellationToken.None);
        await terraform.DestroyAsync(workspace.VarFiles, workspace.Variables, CancellationToken.None);
        var outputsAfterDestroy = await terraform.OutputsAsync(CancellationToken.None);

        changes.ShouldBeTrue();
        File.Exists(module.StatePath).ShouldBeTrue("the state goes where -backend-config=path=... said");
        outputs.GetString("cluster_name").ShouldBe("gitops-dev-europe");
        outputs["node_count"].Value.GetInt32().ShouldBe(3);
        outputs["kubeconfig"].Sensitive.ShouldBeTrue();
        changesAfterApply.ShouldBeFalse();
        outputsAfterDestroy.All.ShouldBeEmpty();
    }

    /// <summary>
    /// Real terraform: without -lockfile=readonly, init rewrites a committed lock to whatever the configuration now
    /// needs (here it drops hashicorp/google, which the module does not use); with it, init fails and the file stays.
    /// </summary>
    [Fact]
    public async Task A_committed_lock_file_is_never_rewritten_and_a_provider_change_fails_init()
    {
        var lockFile = Path.Combine(module.ModuleDirectory, ".terraform.lock.hcl");
        const string committed = """
            provider "registry.terraform.io/hashicorp/google" {
              version     = "6.50.0"
              constraints = "6.50.0"
              hashes = [
                "zh:0000000000000000000000000000000000000000000000000000000000000000",
              ]
            }

            """;
        File.WriteAllText(lockFile, committed);

        await Should.ThrowAsync<ToolFailedException>(() => module.CreateDriver().InitAsync(module.Workspace.BackendConfig, reconfigure: false, CancellationToken.None));

        File.ReadAllText(lockFile).ShouldBe(committed);
    }

    [Fact]
    public async Task In_a_pipeline_a_root_that_requires_providers_but_commits_no_lock_is_refused_before_terraform_runs()
    {
        File.WriteAllText(Path.Combine(module.ModuleDirectory, "versions.tf"), """
            terraform {
              required_providers {
                google = { source = "hashicorp/google", version = "= 6.50.0" }
              }
            }
            """);
        var terraform = module.Workspace.CreateDriver(module.Runner, module.Masker, module.Log, module.Settings with { RequireLockFile = true });

        var failure = await Should.ThrowAsync<Platform.Clouds.CloudConfigurationException>(() => terraform.InitAsync(module.Workspace.BackendConfig, reconfigure: false, CancellationToken.None));

        failure.Message.ShouldEndWith("/.terraform.lock.hcl is not committed: in a pipeline terraform installs only providers whose hashes the repository commits; "
            + $"where the registry is reachable run 'terraform -chdir={Path.GetRelativePath(Directory.GetCurrentDirectory(), module.ModuleDirectory)} init -backend=false && terraform -chdir={Path.GetRelativePath(Directory.GetCurrentDirectory(), module.ModuleDirectory)} providers lock "
            + "-platform=linux_amd64 -platform=linux_arm64 -platform=darwin_amd64 -platform=darwin_arm64 -platform=windows_amd64' and commit the file. Nothing was run.");
        module.Runner.Commands.ShouldBeEmpty();
    }

    [Fact]
    public async Task Every_command_is_non_interactive_colourless_and_uses_its_own_data_directory()
    {
        var terraform = module.CreateDriver();

        await terraform.InitAsync(module.Workspace.BackendConfig, reconfigure: true, CancellationToken.None);

        Directory.Exists(Path.Combine(module.Workspace.DataDirectory, "providers")).ShouldBeFalse();
        File.Exists(Path.Combine(module.Workspace.DataDirectory, "terraform.tfstate")).ShouldBeTrue();
        Directory.Exists(Path.Combine(module.ModuleDirectory, ".terraform")).ShouldBeFalse();
    }

    [Fact]
    public async Task Sensitive_outputs_are_registered_as_secrets_and_never_reach_the_log()
    {
        var terraform = module.CreateDriver();
        var workspace = module.Workspace;
        await terraform.InitAsync(workspace.BackendConfig, reconfigure: false, CancellationToken.None);
        await terraform.PlanAsync(workspace.VarFiles, workspace.Variables, workspace.PlanFile, destroy: false, CancellationToken.None);
        await terraform.ApplyAsync(workspace.PlanFile, CancellationToken.None);

        var outputs = await terraform.OutputsAsync(CancellationToken.None);

        var kubeconfig = outputs.GetString("kubeconfig");
        kubeconfig.ShouldContain(module.Token);
        outputs["kubeconfig"].ToString().ShouldNotContain(module.Token);
        module.Masker.Apply($"printed: {kubeconfig}").ShouldBe("printed: ***");
        module.Masker.Apply($"    token: {module.Token}").ShouldBe("    token: ***");
        module.Log.Lines.ShouldNotBeEmpty();
        module.Log.Text.ShouldNotContain(module.Token);
    }

    [Fact]
    public async Task A_second_init_and_a_plan_left_by_an_interrupted_run_do_not_stop_a_rerun()
    {
        var terraform = module.CreateDriver();
        var workspace = module.Workspace;
        await terraform.InitAsync(workspace.BackendConfig, reconfigure: false, CancellationToken.None);
        await terraform.PlanAsync(workspace.VarFiles, workspace.Variables, workspace.PlanFile, destroy: false, CancellationToken.None);

        // The run stopped here; the next one starts from the beginning.
        await terraform.InitAsync(workspace.BackendConfig, reconfigure: false, CancellationToken.None);
        var changes = await terraform.PlanAsync(workspace.VarFiles, workspace.Variables, workspace.PlanFile, destroy: false, CancellationToken.None);
        await terraform.ApplyAsync(workspace.PlanFile, CancellationToken.None);

        changes.ShouldBeTrue();
        (await terraform.OutputsAsync(CancellationToken.None)).GetString("cluster_name").ShouldBe("gitops-dev-europe");
        File.Exists(workspace.PlanFile).ShouldBeFalse("an applied plan is removed so no rerun can apply it again");
    }

    [Fact]
    public async Task A_stale_plan_is_refused_by_terraform_which_is_why_every_apply_follows_a_fresh_plan()
    {
        var terraform = module.CreateDriver();
        var workspace = module.Workspace;
        var stalePlan = Path.Combine(module.Root, "stale.tfplan");
        await terraform.InitAsync(workspace.BackendConfig, reconfigure: false, CancellationToken.None);
        await terraform.PlanAsync(workspace.VarFiles, workspace.Variables, stalePlan, destroy: false, CancellationToken.None);
        File.Copy(stalePlan, workspace.PlanFile);
        await terraform.ApplyAsync(workspace.PlanFile, CancellationToken.None);

        var failure = await Should.ThrowAsync<ToolFailedException>(() => terraform.ApplyAsync(stalePlan, CancellationToken.None));

        failure.Message.ShouldStartWith($"terraform apply in {module.ModuleDirectory} failed with exit code 1: Error: Saved plan is stale");
    }

    [Fact]
    public async Task A_failure_names_the_command_and_terraform_error_summaries()
    {
        var terraform = module.CreateDriver();
        await terraform.InitAsync(module.Workspace.BackendConfig, reconfigure: false, CancellationToken.None);

        var failure = await Should.ThrowAsync<ToolFailedException>(() => terraform.PlanAsync(
            [], module.Workspace.Variables, module.Workspace.PlanFile, destroy: false, CancellationToken.None));

        failure.ExitCode.ShouldBe(1);
        failure.Message.ShouldBe($"terraform plan in {module.ModuleDirectory} failed with exit code 1: Error: No value for required variable");
    }

    [Fact]
    public async Task A_destroy_plan_reports_changes_only_while_something_exists()
    {
        var terraform = module.CreateDriver();
        var workspace = module.Workspace;
        await terraform.InitAsync(workspace.BackendConfig, reconfigure: false, CancellationToken.None);

        var beforeApply = await terraform.PlanAsync(workspace.VarFiles, workspace.Variables, workspace.PlanFile, destroy: true, CancellationToken.None);
        await terraform.PlanAsync(workspace.VarFiles, workspace.Variables, workspace.PlanFile, destroy: false, CancellationToken.None);
        await terraform.ApplyAsync(workspace.PlanFile, CancellationToken.None);
        var afterApply = await terraform.PlanAsync(workspace.VarFiles, workspace.Variables, workspace.PlanFile, destroy: true, CancellationToken.None);

        beforeApply.ShouldBeFalse();
        afterApply.ShouldBeTrue();
    }

    public void Dispose() => module.Dispose();
}
