using GitOps.Platform.Environments;
using System.Text.RegularExpressions;
using GitOps.Platform.Git;
using GitOps.Platform.GitLab;
using GitOps.Platform.Pipelines;
using GitOps.Platform.Tests.GitLab;
using GitOps.Targets.Output;
using GitOps.Targets.Tooling;
using GitOps.TestDoubles.GitLab;

namespace GitOps.Platform.Tests.Pipelines;

/// <summary>
/// ProvisionManagementCluster's last step: no one may set pipeline variables, at once, whatever the pins (a pinned
/// chart from before inputs gets no job under the inputs-reading .gitlab-ci.yml anyway; the log names its stage), but
/// not on a GitLab that would then refuse every trigger call. Against the fake GitLab, which refuses variables under the
/// restriction as GitLab does (and, below the version holding gitlab-org/gitlab!204230, every trigger), and real git
/// repositories.
/// </summary>
public sealed class PipelineVariablesLockdownTests
{
    [Fact]
    public async Task A_pinned_stage_whose_hook_posts_variables_does_not_delay_the_restriction_and_the_log_names_the_stage_whose_e2e_waits()
    {
        await using var fake = await FakeGitLab.StartAsync();
        using var repository = await PinnedRepository.CreateAsync(chartPostsInputs: false);
        var log = new RecordingLog(new SecretMasker());

        (await Lockdown(repository, log).ApplyAsync(() => GitLabTestClient.Create(fake), CancellationToken.None)).ShouldBeTrue();

        fake.RestrictUserDefinedVariables.ShouldBeTrue();
        fake.PipelineVariablesMinimumOverrideRole.ShouldBe("no_one_allowed");
        log.Lines.ShouldContain(line => line.Contains("qa at", StringComparison.Ordinal) && line.Contains("prod at", StringComparison.Ordinal)
            && line.Contains("e2e does not run until the stage is promoted", StringComparison.Ordinal));
        using var trigger = GitLabTestClient.Create(fake, triggerToken: fake.TriggerToken);
        var refused = await Should.ThrowAsync<GitLabApiException>(() => trigger.TriggerPipelineAsync(
            "main", new Dictionary<string, string> { ["GIT_CONFIG_COUNT"] = "1" }, CancellationToken.None));
        refused.Message.ShouldContain("Insufficient permissions to set pipeline variables");
    }

    [Fact]
    public async Task A_pinned_hook_posting_inputs_and_variables_both_is_named_as_not_ready()
    {
        await using var fake = await FakeGitLab.StartAsync();
        using var repository = await PinnedRepository.CreateAsync(chartPostsInputs: true, alsoPostsVariable: true);
        var log = new RecordingLog(new SecretMasker());

        (await Lockdown(repository, log).ApplyAsync(() => GitLabTestClient.Create(fake), CancellationToken.None)).ShouldBeTrue();

        log.Lines.ShouldContain(line => line.Contains("qa at", StringComparison.Ordinal) && line.Contains("still post", StringComparison.Ordinal));
    }

    [Fact]
    public async Task On_a_GitLab_without_the_trigger_payload_fix_nothing_is_restricted_and_the_warning_names_the_version_needed_and_the_risk()
    {
        await using var fake = await FakeGitLab.StartAsync();
        fake.ServerVersion = "18.5.2-ee";
        using var repository = await PinnedRepository.CreateAsync(chartPostsInputs: true);
        var log = new RecordingLog(new SecretMasker());

        (await Lockdown(repository, log).ApplyAsync(() => GitLabTestClient.Create(fake), CancellationToken.None)).ShouldBeFalse();

        fake.RestrictUserDefinedVariables.ShouldBeFalse();
        fake.Requests.ShouldNotContain(request => request.Method == "PUT");
        log.Lines.ShouldContain(line => line.Contains("Pipeline variables were not restricted: GitLab 18.5.2-ee", StringComparison.Ordinal)
            && line.Contains($"GitLab {PipelineVariablesLockdown.TriggerInputsUnderRestrictionFrom.ToString(2)} or later", StringComparison.Ordinal)
            && line.Contains("GIT_CONFIG_*", StringComparison.Ordinal));

        // Why: on that version, once restricted, the hook's inputs-only trigger is refused too.
        fake.RestrictUserDefinedVariables = true;
        fake.PipelineVariablesMinimumOverrideRole = "no_one_allowed";
        using var trigger = GitLabTestClient.Create(fake, triggerToken: fake.TriggerToken);
        await Should.ThrowAsync<GitLabApiException>(() => trigger.TriggerPipelineAsync("main", new Dictionary<string, string>(), CancellationToken.None,
            inputs: new Dictionary<string, string> { ["stage"] = "qa", ["cloud"] = "gcp", ["release"] = "1.4.0" }));
    }

    [Fact]
    public async Task A_token_below_Maintainer_is_refused_by_the_preflight_before_anything_changes()
    {
        await using var fake = await FakeGitLab.StartAsync();
        using var repository = await PinnedRepository.CreateAsync(chartPostsInputs: true);
        var log = new RecordingLog(new SecretMasker());

        var refused = await Should.ThrowAsync<GitLabApiException>(() =>
            Lockdown(repository, log).CheckAsync(() => GitLabTestClient.Create(fake, token: fake.ReporterToken), CancellationToken.None));

        refused.Message.ShouldContain("access level 20");
        refused.Message.ShouldContain("needs Maintainer (40)");
        fake.Requests.ShouldNotContain(request => request.Method == "PUT");
    }

    [Fact]
    public async Task Once_every_pin_posts_inputs_no_one_may_set_variables_a_hook_with_inputs_starts_its_pipeline_and_variables_are_refused()
    {
        await using var fake = await FakeGitLab.StartAsync();
        using var repository = await PinnedRepository.CreateAsync(chartPostsInputs: true);
        var log = new RecordingLog(new SecretMasker());

        (await Lockdown(repository, log).ApplyAsync(() => GitLabTestClient.Create(fake), CancellationToken.None)).ShouldBeTrue();

        fake.RestrictUserDefinedVariables.ShouldBeTrue();
        fake.PipelineVariablesMinimumOverrideRole.ShouldBe("no_one_allowed");
        log.Lines.ShouldContain(line => line.Contains("Pipeline variables restricted", StringComparison.Ordinal));
        using var trigger = GitLabTestClient.Create(fake, triggerToken: fake.TriggerToken);
        await trigger.TriggerPipelineAsync("main", new Dictionary<string, string>(), CancellationToken.None,
            inputs: new Dictionary<string, string> { ["stage"] = "qa", ["cloud"] = "gcp", ["release"] = "1.4.0" });
        foreach (var variable in new[] { "CI_PIPELINE_SOURCE", "E2E_COMMAND" })
        {
            var refused = await Should.ThrowAsync<GitLabApiException>(() => trigger.TriggerPipelineAsync(
                "main", new Dictionary<string, string> { [variable] = variable == "E2E_COMMAND" ? "sh -c id" : "schedule" }, CancellationToken.None));
            refused.Message.ShouldContain("Insufficient permissions to set pipeline variables");
        }

        fake.Pipelines.ShouldHaveSingleItem().Inputs["stage"].ShouldBe("qa");
    }

    [Fact]
    public async Task Without_gitlab_configured_nothing_is_restricted_and_the_log_says_so()
    {
        using var repository = await PinnedRepository.CreateAsync(chartPostsInputs: true);
        var log = new RecordingLog(new SecretMasker());

        (await Lockdown(repository, log).ApplyAsync(null, CancellationToken.None)).ShouldBeFalse();

        log.Lines.ShouldContain(line => line.Contains("Pipeline variables were not restricted: GitLab is not configured", StringComparison.Ordinal));
    }

    private static PipelineVariablesLockdown Lockdown(PinnedRepository repository, ILog log) =>
        new(StageCatalog.Load(Path.Combine(repository.Root, EnvironmentLayout.StagesFile)), repository.Root, repository.Git, log);

    /// <summary>
    /// The catalog and the promoted stages' parent files of this repository, in a new git repository whose first commit
    /// holds the hook template (posting inputs or, as before them, variables) and is every stage's pin.
    /// </summary>
    private sealed class PinnedRepository : IDisposable
    {
        private PinnedRepository(string root, GitCli git) => (Root, Git) = (root, git);

        public string Root { get; }

        public GitCli Git { get; }

        public static async Task<PinnedRepository> CreateAsync(bool chartPostsInputs, bool alsoPostsVariable = false)
        {
            var root = Directory.CreateTempSubdirectory("gitops-lockdown-").FullName;
            var git = new GitCli(new ToolRunner(new ToolLocator(root), NullLog.Instance, new SecretMasker()), root);
            var template = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, HookInputs.Template));
            if (!chartPostsInputs)
            {
                template = template.Replace("inputs[stage]", "variables[STAGE]", StringComparison.Ordinal)
                    .Replace("inputs[cloud]", "variables[CLOUD]", StringComparison.Ordinal)
                    .Replace("inputs[release]", "variables[RELEASE]", StringComparison.Ordinal)
                    .Replace("inputs[revision]", "variables[REVISION]", StringComparison.Ordinal);
            }

            if (alsoPostsVariable)
            {
                template = template.Replace("--form \"inputs[stage]=${STAGE}\" \\", "--form \"inputs[stage]=${STAGE}\" --form \"variables[E2E_COMMAND]=id\" \\", StringComparison.Ordinal);
                template.ShouldContain("variables[E2E_COMMAND]");
            }

            Write(root, HookInputs.Template, template);
            Write(root, EnvironmentLayout.StagesFile, await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, EnvironmentLayout.StagesFile)));
            await git.RunAsync(["init", "-q", "-b", "main"], CancellationToken.None);
            await git.RunAsync(["add", "."], CancellationToken.None);
            await git.RunAsync(["-c", "user.name=Test", "-c", "user.email=test@example.invalid", "commit", "-qm", "chart"], CancellationToken.None);
            var pin = (await git.RevParseAsync("HEAD", CancellationToken.None)).ShouldNotBeNull();
            foreach (var stage in new[] { "qa", "qa-int", "prod" })
            {
                var file = EnvironmentLayout.AppOfAppsFile(EnvironmentNames.ParseStage(stage));
                var text = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, file));
                var repinned = Regex.Replace(text, "targetRevision: [0-9a-f]{40}", $"targetRevision: {pin}");
                repinned.ShouldNotBe(text, $"{file} pins no commit");
                Write(root, file, repinned);
            }

            return new PinnedRepository(root, git);
        }

        public void Dispose() => Directory.Delete(Root, recursive: true);

        private static void Write(string root, string path, string text)
        {
            var full = Path.Combine(root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }
    }
}
