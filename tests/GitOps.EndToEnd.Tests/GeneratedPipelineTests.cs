using GitOps.EndToEnd.Tests.Support;
using GitOps.Platform.Environments;
using GitOps.TestDoubles.GitLab;
using YamlDotNet.RepresentationModel;

namespace GitOps.EndToEnd.Tests;

/// <summary>The committed .gitlab-ci.yml: generated, accepted by GitLab's schema, guarded against hand edits, and runnable.</summary>
[Collection(SharedClone.Name)]
public sealed class GeneratedPipelineTests(FreshClone clone)
{
    private const string CiFile = ".gitlab-ci.yml";

    [Fact]
    public void Committed_file_is_exactly_what_GenerateCI_writes()
    {
        var path = Path.Combine(clone.Root, CiFile);
        var committed = File.ReadAllText(path);
        try
        {
            File.Delete(path);
            var result = clone.BuildSh("GenerateCI", "--no-logo");

            result.ExitCode.ShouldBe(0, result.Output + result.Error);
            File.ReadAllText(path).ShouldBe(committed, $"run ./build.sh GenerateCI and commit {CiFile}");
            committed.ShouldStartWith("# .gitlab-ci.yml: GENERATED");
            committed.ShouldContain("Regenerate with `./build.sh GenerateCI`");
        }
        finally
        {
            File.WriteAllText(path, committed);
        }
    }

    [Fact]
    public void A_hand_edit_makes_the_stale_check_fail_with_the_diff_and_the_fix()
    {
        var path = Path.Combine(clone.Root, CiFile);
        var committed = File.ReadAllText(path);
        try
        {
            // mr:Test's: the jobs with an hour's timeout now run in child pipelines.
            File.WriteAllText(path, committed.Replace("  timeout: 30m\n", "  timeout: 45m\n", StringComparison.Ordinal));
            var stale = clone.BuildSh("CheckGeneratedCI", "--no-logo");

            stale.ExitCode.ShouldBe(1, stale.Output + stale.Error);
            stale.Output.ShouldContain(".gitlab-ci.yml is stale");
            stale.Output.ShouldContain("Run `./build.sh GenerateCI` and commit the result.");
            stale.Output.ShouldContain("-  timeout: 45m");
            stale.Output.ShouldContain("+  timeout: 30m");

            File.WriteAllText(path, committed);
            clone.BuildSh("CheckGeneratedCI", "--no-logo").ExitCode.ShouldBe(0);
        }
        finally
        {
            File.WriteAllText(path, committed);
        }
    }

    [Fact]
    public void A_hand_edit_of_a_child_pipeline_makes_the_stale_check_fail_naming_the_file()
    {
        var path = Path.Combine(clone.Root, ChildFile("prod-gcp"));
        var committed = File.ReadAllText(path);
        try
        {
            File.WriteAllText(path, committed.Replace(" --require-newest-commit true", string.Empty, StringComparison.Ordinal));
            var stale = clone.BuildSh("CheckGeneratedCI", "--no-logo");

            stale.ExitCode.ShouldBe(1, stale.Output + stale.Error);
            stale.Output.ShouldContain($"{ChildFile("prod-gcp")} is stale");
            stale.Output.ShouldContain("+    - env -u BASH_ENV ");
            stale.Output.ShouldContain(" ./build.sh Provision --stage prod --cloud gcp --require-newest-commit true --skip DeployAppOfApps");
        }
        finally
        {
            File.WriteAllText(path, committed);
        }
    }

    [Theory]
    [InlineData("schedule", "", "nightly:Run:nightly-gcp")]
    [InlineData("trigger", "stage=qa cloud=gcp release=1.4.0", "postsync:RunE2E:qa-gcp postsync:OpenPromotionMR:qa-gcp")]
    [InlineData("trigger", "stage=qa-int cloud=gcp release=1.4.0", "postsync:RunE2E:qa-int-gcp")]
    [InlineData("api", "release_entry_version=1.5.0", "release:OpenPromotionMR")]
    [InlineData("pipeline", "release_entry_version=1.5.0", "release:OpenPromotionMR")]
    public void GitLab_schema_accepts_the_file_and_each_source_gets_its_jobs(string source, string inputs, string expectedJobs)
    {
        var jobs = ListJobs(new Dictionary<string, string> { ["CI_PIPELINE_SOURCE"] = source }, Pairs(inputs).ToDictionary());

        jobs.Keys.Order(StringComparer.Ordinal).ShouldBe(expectedJobs.Split(' ').Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// Pipeline variables select nothing any more (the project lets no one set them; until it does, they still must not
    /// choose a job): a trigger that sends the hook's old variables instead of inputs gets no e2e, promotion or release
    /// job, however the variables are named.
    /// </summary>
    [Theory]
    [InlineData("trigger", "STAGE=qa CLOUD=gcp RELEASE=1.4.0")]
    [InlineData("api", "RELEASE_ENTRY_VERSION=1.5.0")]
    [InlineData("pipeline", "stage=qa cloud=gcp release_entry_version=1.5.0")]
    public void Trigger_variables_instead_of_inputs_select_no_job(string source, string variables)
    {
        var jobs = ListJobs(new Dictionary<string, string>(Pairs(variables)) { ["CI_PIPELINE_SOURCE"] = source });

        jobs.Keys.ShouldBeEmpty();
    }

    /// <summary>
    /// The header lets a trigger name only what the catalog serves, and only well-formed versions and commits: GitLab
    /// refuses the pipeline before any job exists. gitlab-ci-local checks the options; the patterns (which it skips)
    /// are checked here with .NET's engine, on patterns that mean the same in RE2.
    /// </summary>
    [Fact]
    public void The_inputs_header_allows_only_the_catalogs_postsync_environments_semver_and_full_commits()
    {
        var header = (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)AllDocuments(Path.Combine(clone.Root, CiFile))[0]["spec"])["inputs"]);
        string[] Options(string input) => [.. ((YamlSequenceNode)((YamlMappingNode)header[input])["options"]).Children.Select(option => ((YamlScalarNode)option).Value!)];
        string Pattern(string input) => ((YamlScalarNode)((YamlMappingNode)header[input])["regex"]).Value!;
        var catalog = StageCatalog.Load(Path.Combine(clone.Root, "environments", "stages.yaml"));
        var served = GitOps.Platform.Pipelines.GitOpsPipelines.PostSyncEnvironments(catalog);

        Options("stage").ShouldBe(["", .. served.Select(environment => environment.Stage.ToName()).Distinct()]);
        Options("stage").ShouldNotContain("nightly");
        Options("cloud").ShouldBe(["", .. served.Select(environment => environment.Cloud.ToName()).Distinct()]);
        foreach (var (input, allowed, refused) in new[]
        {
            ("release_entry_version", new[] { "none", "1.5.0", "2.0.0-rc.1" }, new[] { "", "1.5", "v1.5.0", "1.5.0; id", "$CI_JOB_TOKEN" }),
            ("revision", ["none", new string('a', 40), new string('b', 64)], ["", new string('a', 39), new string('a', 41), "main", "HEAD"]),
            ("release", ["none", "1.4.0", "main"], ["", "$(id)", "-x", "a b"]),
        })
        {
            // Not empty: GitLab before gitlab-org/gitlab!192082 matched no empty string against a pattern.
            ((YamlScalarNode)((YamlMappingNode)header[input])["default"]).Value.ShouldBe("none", input);
            var pattern = new System.Text.RegularExpressions.Regex(Pattern(input));
            allowed.ShouldAllBe(value => pattern.IsMatch(value), input);
            refused.ShouldAllBe(value => !pattern.IsMatch(value), input);
        }

        using var nightly = new InputsWrapper(clone.Root, new Dictionary<string, string> { ["stage"] = "nightly", ["cloud"] = "gcp" });
        var result = GitLabCiLocal.Get().Run(clone.Root, new Dictionary<string, string> { ["CI_PIPELINE_SOURCE"] = "trigger" }, "--file", nightly.FileName, "--list-csv");
        result.ExitCode.ShouldNotBe(0);
        (result.Output + result.Error).ShouldContain("not in the list of allowed options");
    }

    [Fact]
    public void A_merge_request_runs_the_repositorys_tests_only_when_it_changes_code()
    {
        using var copy = MergeRequestWithoutCodeChanges();
        var request = new Dictionary<string, string> { ["CI_PIPELINE_SOURCE"] = "merge_request_event" };

        ListJobs(copy.Root, request).Keys.ShouldBe(["branch:Verify"]);
        File.AppendAllText(Path.Combine(copy.Root, "environments", "qa", "values-qa-gcp.yaml"), "# review\n");
        // Charts and environments are Verify's, and reviewers get their rendered diff (a widget link, no API token).
        ListJobs(copy.Root, request).Keys.Order(StringComparer.Ordinal).ShouldBe(["branch:Verify", "mr:RenderMergeRequestDiff"]);
        var artifacts = (YamlMappingNode)((YamlMappingNode)CommittedCi()["mr:RenderMergeRequestDiff"])["artifacts"];
        ((YamlScalarNode)artifacts["expose_as"]).Value.ShouldBe("Rendered manifest diff");
        Script(CommittedCi(), "mr:RenderMergeRequestDiff").ShouldBe(GitOps.Platform.Pipelines.PipelineStartupVariables.BuildCommand + " RenderMergeRequestDiff --diff-base \"$CI_MERGE_REQUEST_DIFF_BASE_SHA\"");
        File.AppendAllText(Path.Combine(copy.Root, "src", "GitOps.Targets", "GitOps.Targets.csproj"), "\n");
        ListJobs(copy.Root, request).Keys.Order(StringComparer.Ordinal).ShouldBe(["branch:Verify", "mr:RenderMergeRequestDiff", "mr:Test"]);
    }

    [Fact]
    public void Default_branch_deploys_dev_and_puts_prod_and_every_destroy_behind_manual_jobs_that_do_not_block_the_pipeline()
    {
        var jobs = ListJobs(MainPush);

        jobs["main:Deploy:dev-gcp"].When.ShouldBe("on_success");
        foreach (var manual in new[] { "main:Deploy:qa-gcp", "main:Deploy:prod-gcp", "main:Destroy:dev-gcp", "main:Destroy:nightly-gcp", "main:Destroy:prod-gcp" })
        {
            jobs[manual].When.ShouldBe("manual", manual);
            // A manual job with allow_failure false is a blocking gate: the pipeline stays "blocked" until someone plays it.
            jobs[manual].AllowFailure.ShouldBeTrue(manual);
        }

        jobs.Keys.ShouldContain("branch:Verify");

        // A button pressed in an old pipeline must not act from its outdated commit; automatic jobs run at once.
        var ci = CommittedCi();
        foreach (var job in jobs.Keys.Where(job => job.StartsWith("main:Destroy:", StringComparison.Ordinal)))
        {
            var environment = job["main:Destroy:".Length..];
            Script(Yaml(Path.Combine(clone.Root, DestroyFile(environment))), job).ShouldContain(" --require-newest-commit true", customMessage: job);
        }

        foreach (var environment in new[] { "dev-gcp", "qa-gcp", "qa-int-gcp", "prod-gcp" })
        {
            var child = ChildJobs(environment);
            child.Keys.ShouldBe([$"main:Provision:{environment}", $"main:DeployAppOfApps:{environment}"]);
            child[$"main:DeployAppOfApps:{environment}"].Needs.ShouldBe($"[main:Provision:{environment}]");
            var childCi = Yaml(Path.Combine(clone.Root, ChildFile(environment)));
            foreach (var job in child.Keys)
            {
                child[job].When.ShouldBe("on_success", "the trigger job decided; inside the child both run");
                // Automatic or not: GitLab's Retry re-runs any old job with its pipeline's outdated commit.
                Script(childCi, job).ShouldContain(" --require-newest-commit true", customMessage: job);
            }
        }
    }

    /// <summary>
    /// nightly's run (provision, deploy, e2e, destroy) is one unit under nightly-gcp: a trigger job holding the group
    /// starts the child, so a second scheduled run and the manual main:Destroy:nightly-gcp (same group) wait for all of
    /// it. The teardown keeps when: always, and Provision's on_stop names it, in the same (child) pipeline.
    /// </summary>
    [Fact]
    public void Nightlys_run_holds_its_resource_group_as_one_unit_and_always_tears_down()
    {
        const string Nightly = ".ci/pipelines/nightly-nightly-gcp.yml";
        var ci = CommittedCi();
        var trigger = (YamlMappingNode)ci["nightly:Run:nightly-gcp"];
        ((YamlScalarNode)trigger["resource_group"]).Value.ShouldBe("nightly-gcp");
        ((YamlScalarNode)((YamlMappingNode)trigger["trigger"])["include"]).Value.ShouldBe(Nightly);
        ((YamlScalarNode)((YamlMappingNode)trigger["trigger"])["strategy"]).Value.ShouldBe("depend");
        ((YamlScalarNode)((YamlMappingNode)ci["main:Destroy:nightly-gcp"])["resource_group"]).Value.ShouldBe("nightly-gcp");

        var result = GitLabCiLocal.Get().Run(clone.Root, new Dictionary<string, string> { ["CI_PIPELINE_SOURCE"] = "parent_pipeline" }, "--file", Nightly, "--list-csv");
        result.ExitCode.ShouldBe(0, result.Output + result.Error);
        result.Output.ShouldNotContain("Invalid");
        var child = Yaml(Path.Combine(clone.Root, Nightly));
        child.Children.Keys.Cast<YamlScalarNode>().Select(key => key.Value).Where(key => key!.StartsWith("nightly:", StringComparison.Ordinal))
            .ShouldBe(["nightly:Provision:nightly-gcp", "nightly:DeployAppOfApps:nightly-gcp", "nightly:RunE2E:nightly-gcp", "nightly:Destroy:nightly-gcp"]);
        // A retried job does not get the trigger job's group back (gitlab-org/gitlab#391663): those that apply or
        // destroy hold the apply group too; the e2e run changes nothing.
        foreach (var job in new[] { "nightly:Provision:nightly-gcp", "nightly:DeployAppOfApps:nightly-gcp", "nightly:Destroy:nightly-gcp" })
        {
            ((YamlScalarNode)((YamlMappingNode)child[job])["resource_group"]).Value.ShouldBe("nightly-gcp-apply", job);
        }

        ((YamlMappingNode)child["nightly:RunE2E:nightly-gcp"]).Children.Keys.Cast<YamlScalarNode>().ShouldNotContain(key => key.Value == "resource_group");

        Script(child, "nightly:Provision:nightly-gcp").ShouldContain(" --require-newest-commit true");
        Script(child, "nightly:DeployAppOfApps:nightly-gcp").ShouldContain(" --require-newest-commit true");
        // Retry on an old nightly pipeline's teardown must not destroy with old Terraform while tonight's run is on.
        Script(child, "nightly:Destroy:nightly-gcp").ShouldContain(" --require-newest-commit true");
        ((YamlScalarNode)((YamlMappingNode)((YamlSequenceNode)((YamlMappingNode)child["nightly:Destroy:nightly-gcp"])["rules"])[0])["when"]).Value.ShouldBe("always");
        ((YamlScalarNode)((YamlMappingNode)((YamlMappingNode)child["nightly:Provision:nightly-gcp"])["environment"])["on_stop"]).Value.ShouldBe("nightly:Destroy:nightly-gcp");
    }

    /// <summary>
    /// The stop jobs of main are linked to a start: GitLab runs an environment's on_stop job only from the pipeline that
    /// deployed it last, not from a child (gitlab-org/gitlab#427222), so the trigger job, which may carry environment
    /// since GitLab 16.4, starts it and names main:Destroy. gitlab-ci-local (GitLab's schema) accepts it.
    /// </summary>
    /// <summary>Nothing is deployed from a commit Verify has not passed, whether the pipeline came from a push or by hand.</summary>
    [Theory]
    [InlineData("push")]
    [InlineData("web")]
    public void Every_main_deploy_waits_for_the_pipelines_verify(string source)
    {
        var jobs = ListJobs(new Dictionary<string, string>(MainPush) { ["CI_PIPELINE_SOURCE"] = source });
        jobs.Keys.ShouldContain("branch:Verify");

        var ci = CommittedCi();
        var deploys = jobs.Keys.Where(job => job.StartsWith("main:Deploy:", StringComparison.Ordinal)).ToList();
        deploys.Count.ShouldBe(4);
        foreach (var deploy in deploys)
        {
            var needs = (YamlSequenceNode)((YamlMappingNode)ci[deploy])["needs"];
            needs.Children.Select(need => need is YamlScalarNode name ? name.Value : ((YamlScalarNode)((YamlMappingNode)need)["job"]).Value)
                .ShouldContain("branch:Verify", customMessage: deploy);
        }
    }

    /// <summary>
    /// GitLab runs on_stop from the pipeline of the environment's last deployment; a child job with action: start
    /// would be that deployment, and the parent's Destroy would never run on Stop. The child's jobs only prepare.
    /// </summary>
    [Fact]
    public void The_main_child_pipelines_create_no_deployment_of_their_own()
    {
        foreach (var environment in new[] { "dev-gcp", "qa-gcp", "qa-int-gcp", "prod-gcp" })
        {
            var child = Yaml(Path.Combine(clone.Root, ChildFile(environment)));
            foreach (var (name, job) in child.Children.Where(entry => ((YamlScalarNode)entry.Key).Value!.StartsWith("main:", StringComparison.Ordinal)))
            {
                var declared = (YamlMappingNode)((YamlMappingNode)job)["environment"];
                ((YamlScalarNode)declared["action"]).Value.ShouldBe("prepare", $"{name} in {ChildFile(environment)}");
            }
        }
    }

    [Fact]
    public void Each_main_destroy_is_the_on_stop_of_the_trigger_job_that_deploys_its_environment()
    {
        var ci = CommittedCi();
        ListJobs(MainPush).ShouldNotBeEmpty();
        foreach (var environment in new[] { "dev-gcp", "qa-gcp", "qa-int-gcp", "prod-gcp" })
        {
            var started = (YamlMappingNode)((YamlMappingNode)ci[$"main:Deploy:{environment}"])["environment"];
            ((YamlScalarNode)started["action"]).Value.ShouldBe("start");
            ((YamlScalarNode)started["on_stop"]).Value.ShouldBe($"main:Destroy:{environment}");
            var stopped = (YamlMappingNode)((YamlMappingNode)ci[$"main:Destroy:{environment}"])["environment"];
            ((YamlScalarNode)stopped["action"]).Value.ShouldBe("stop");
            ((YamlScalarNode)stopped["name"]).Value.ShouldBe(((YamlScalarNode)started["name"]).Value);
        }
    }

    /// <summary>
    /// Provision and DeployAppOfApps of an environment run as one unit: a trigger job holding the environment's resource
    /// group starts a child pipeline with both and, with strategy depend, lasts until it has finished. Per-job resource
    /// groups would let a second pipeline's Provision run between the first one's two jobs. No child job asks for the
    /// group itself (it would wait for its own trigger job forever); the Destroy of the same environment waits for it.
    /// </summary>
    [Fact]
    public void Provision_and_deploy_of_an_environment_hold_its_resource_group_as_one_pair()
    {
        var ci = CommittedCi();
        foreach (var environment in new[] { "dev-gcp", "qa-gcp", "qa-int-gcp", "prod-gcp" })
        {
            var trigger = (YamlMappingNode)ci[$"main:Deploy:{environment}"];
            ((YamlScalarNode)trigger["resource_group"]).Value.ShouldBe(environment);
            var downstream = (YamlMappingNode)trigger["trigger"];
            ((YamlScalarNode)downstream["include"]).Value.ShouldBe(ChildFile(environment));
            ((YamlScalarNode)downstream["strategy"]).Value.ShouldBe("depend");
            ((YamlScalarNode)((YamlMappingNode)ci[$"main:Destroy:{environment}"])["resource_group"]).Value.ShouldBe(environment);
            ci.Children.Keys.Cast<YamlScalarNode>().ShouldNotContain(key => key.Value == $"main:Provision:{environment}");

            var child = Yaml(Path.Combine(clone.Root, ChildFile(environment)));
            foreach (var job in new[] { $"main:Provision:{environment}", $"main:DeployAppOfApps:{environment}" })
            {
                // Not the trigger job's group (that would wait forever), but one a retried job takes again.
                ((YamlScalarNode)((YamlMappingNode)child[job])["resource_group"]).Value.ShouldBe($"{environment}-apply", job);
            }
        }
    }

    /// <summary>
    /// GitLab's Retry of a child job, or of its trigger job, does not take the trigger job's resource group again
    /// (gitlab-org/gitlab#391663). So every Destroy runs in a child of its own like the deploy pair: main:Destroy is
    /// the trigger job, holds the environment's group, stops the environment (main:Deploy's on_stop names it), and the
    /// child's Destroy holds the apply group that Provision and DeployAppOfApps hold. A retried Destroy then still waits
    /// for a deploy in progress, and a retried Provision for a Destroy. gitlab-ci-local (GitLab's schema) accepts both.
    /// </summary>
    [Fact]
    public void Every_main_destroy_is_a_trigger_job_whose_child_holds_the_apply_group_a_retried_job_takes_again()
    {
        var ci = CommittedCi();
        foreach (var environment in new[] { "dev-gcp", "nightly-gcp", "qa-gcp", "qa-int-gcp", "prod-gcp" })
        {
            var trigger = (YamlMappingNode)ci[$"main:Destroy:{environment}"];
            trigger.Children.Keys.Cast<YamlScalarNode>().ShouldNotContain(key => key.Value == "script", environment);
            ((YamlScalarNode)trigger["resource_group"]).Value.ShouldBe(environment);
            ((YamlScalarNode)((YamlMappingNode)trigger["trigger"])["include"]).Value.ShouldBe(DestroyFile(environment));
            ((YamlScalarNode)((YamlMappingNode)trigger["trigger"])["strategy"]).Value.ShouldBe("depend");
            ((YamlScalarNode)((YamlMappingNode)trigger["environment"])["action"]).Value.ShouldBe("stop");

            var listed = ChildJobs(DestroyFile(environment));
            listed.Keys.ShouldBe([$"main:Destroy:{environment}"]);
            // The trigger job is the gate; prod's Destroy is manual again in the child (its own check, CI_JOB_MANUAL, is
            // also true for a delayed job, so no prod Destroy may ever be when: delayed).
            var destroy = listed[$"main:Destroy:{environment}"];
            (destroy.When, destroy.AllowFailure).ShouldBe(environment == "prod-gcp" ? ("manual", false) : ("on_success", false), environment);
            var child = (YamlMappingNode)Yaml(Path.Combine(clone.Root, DestroyFile(environment)))[$"main:Destroy:{environment}"];
            ((YamlScalarNode)child["resource_group"]).Value.ShouldBe($"{environment}-apply");
            ((YamlScalarNode)((YamlMappingNode)child["environment"])["action"]).Value.ShouldBe("stop");
        }
    }

    /// <summary>
    /// prod's Destroy checks CI_JOB_MANUAL, which GitLab sets for a when: delayed job too, and a delayed job starts by
    /// itself after start_in. So no job that destroys prod, in .gitlab-ci.yml or a child, is delayed: the gate is
    /// when: manual (and prod's protected environment).
    /// </summary>
    [Fact]
    public void No_job_that_destroys_prod_is_delayed()
    {
        var files = Directory.GetFiles(Path.Combine(clone.Root, ".ci", "pipelines"), "*.yml").Append(Path.Combine(clone.Root, CiFile));
        var found = new List<string>();
        foreach (var file in files)
        {
            foreach (var (key, value) in Yaml(file).Children)
            {
                if (value is not YamlMappingNode job || ((YamlScalarNode)key).Value is not { } name || !name.Contains(":Destroy:prod-", StringComparison.Ordinal))
                {
                    continue;
                }

                found.Add($"{Path.GetFileName(file)}: {name}");
                var rules = job.Children.TryGetValue("rules", out var listed) ? ((YamlSequenceNode)listed).Children.Cast<YamlMappingNode>() : [];
                foreach (var node in rules.Prepend(job))
                {
                    var when = node.Children.TryGetValue("when", out var given) ? ((YamlScalarNode)given).Value : null;
                    when.ShouldNotBe("delayed", $"{name} in {file}");
                    node.Children.Keys.Cast<YamlScalarNode>().ShouldNotContain(entry => entry.Value == "start_in", $"{name} in {file}");
                }
            }
        }

        found.ShouldContain(".gitlab-ci.yml: main:Destroy:prod-gcp");
        found.ShouldContain("main-prod-gcp-destroy.yml: main:Destroy:prod-gcp");
    }

    [Fact]
    public void Merge_request_pipeline_run_by_gitlab_ci_local_runs_the_targets_the_local_plan_names_in_order()
    {
        var request = new[] { "Verify" };
        var local = clone.BuildSh([.. request, "--plan", "--no-logo"]);
        local.ExitCode.ShouldBe(0, local.Error);
        // Also warms the clone's build and tools, which the copy hands to the jobs through the pipeline's caches.
        clone.BuildSh([.. request, "--no-logo"]).ExitCode.ShouldBe(0);
        using var copy = MergeRequestWithoutCodeChanges();

        var run = GitLabCiLocal.Get().Run(
            copy.Root,
            new Dictionary<string, string> { ["CI_PIPELINE_SOURCE"] = "merge_request_event", ["GITLAB_CI"] = "true" },
            "--shell-isolation", "--force-shell-executor");

        run.ExitCode.ShouldBe(0, run.Output + run.Error);
        var jobs = PipelineRunLog.Jobs(run.Output);
        jobs.Select(job => job.Job).ShouldBe(["branch:Verify"]);
        jobs.SelectMany(job => job.Targets).ShouldBe(PipelineRunLog.PlannedTargets(local.Output));
        run.Output.ShouldNotContain("Compiling the build", customMessage: "the cached compiled build should be reused");
    }

    /// <summary>
    /// Trigger, release-entry and nightly pipelines run on main, and each is started once (by a sync, a platform
    /// release, the schedule): a newer push to main must cancel none of their jobs, pending or running, or the release
    /// is never tested or promoted. Modelled on GitLab's on_new_commit rules (<see cref="AutoCancelModel"/>); which
    /// workflow rule admits the pipeline is asked of gitlab-ci-local.
    /// </summary>
    [Theory]
    [InlineData("trigger", "stage=qa cloud=gcp release=1.4.0")]
    [InlineData("trigger", "stage=dev cloud=gcp release=main")]
    [InlineData("api", "release_entry_version=1.5.0")]
    [InlineData("pipeline", "release_entry_version=1.5.0")]
    [InlineData("schedule", "")]
    public void A_newer_commit_on_main_cancels_no_job_of_a_pipeline_that_is_started_only_once(string source, string inputs)
    {
        var given = new Dictionary<string, string>
        {
            ["CI_PIPELINE_SOURCE"] = source,
            ["CI_COMMIT_BRANCH"] = "main",
            ["CI_DEFAULT_BRANCH"] = "main",
        };
        var ci = CommittedCi();
        var mode = OnNewCommit(ci, given);
        var jobs = ListJobs(given, Pairs(inputs).ToDictionary());
        jobs.ShouldNotBeEmpty();

        foreach (var job in jobs.Keys)
        {
            var interruptible = Interruptible(ci, job);
            foreach (var (started, nonInterruptibleStarted) in new[] { (false, false), (true, false), (true, true) })
            {
                AutoCancelModel.Cancels(mode, interruptible, started, nonInterruptibleStarted)
                    .ShouldBeFalse($"{job} (on_new_commit {mode}, interruptible {interruptible}, started {started})");
            }
        }
    }

    [Fact]
    public void A_newer_push_still_cancels_an_older_branch_verify()
    {
        var given = new Dictionary<string, string> { ["CI_PIPELINE_SOURCE"] = "push", ["CI_COMMIT_BRANCH"] = "feature" };
        var ci = CommittedCi();

        AutoCancelModel.Cancels(OnNewCommit(ci, given), Interruptible(ci, "branch:Verify"), started: true, nonInterruptibleStarted: false).ShouldBeTrue();
    }

    /// <summary>
    /// Every environment whose manifests render the PostSync e2e hook sends a trigger that GitLab accepts with pipeline
    /// variables restricted: the fake GitLab asks gitlab-ci-local which jobs the committed .gitlab-ci.yml gives that
    /// trigger's inputs and, as GitLab does, refuses one that gets none or carries a variable. A promoted stage whose
    /// pinned chart predates inputs is the one exception, and is refused as it will be.
    /// </summary>
    [Fact]
    public async Task Every_environment_that_renders_the_e2e_hook_sends_a_trigger_whose_pipeline_has_jobs()
    {
        var catalog = StageCatalog.Load(Path.Combine(clone.Root, "environments", "stages.yaml"));
        await using var gitLab = await FakeGitLab.StartAsync();
        // As ProvisionManagementCluster leaves the project: nobody may set pipeline variables, a trigger token's included.
        gitLab.RestrictUserDefinedVariables = true;
        gitLab.PipelineVariablesMinimumOverrideRole = "no_one_allowed";
        gitLab.TriggeredJobs = (reference, variables, inputs) => ListJobs(
            new Dictionary<string, string>(variables)
            {
                ["CI_PIPELINE_SOURCE"] = "trigger",
                ["CI_COMMIT_BRANCH"] = reference,
                ["CI_DEFAULT_BRANCH"] = "main",
            },
            inputs).Keys;
        using var http = new HttpClient();
        var hooks = new List<string>();
        var transitional = new List<string>();
        foreach (var environment in catalog.Stages.SelectMany(stage => stage.Environments))
        {
            var render = clone.BuildSh("Render", "--stage", environment.Stage.ToName(), "--cloud", environment.Cloud.ToName(), "--no-logo");
            render.ExitCode.ShouldBe(0, render.Output + render.Error);
            var job = Path.Combine(clone.Root, ".nuke", "temp", "rendered", environment.ToString(), $"job-e2e-trigger-{environment}.yaml");
            if (!File.Exists(job))
            {
                continue;
            }

            hooks.Add(environment.ToString());
            var sent = HookEnvironment(job);
            // The fields the hook's script posts (--form "inputs[x]=${VARIABLE}"), with the values its env gives them.
            var fields = HookFormFields(job).ToList();
            fields.ShouldNotBeEmpty();
            var beforeInputs = GitOps.Platform.Pipelines.HookInputs.PostsVariablesOnly(File.ReadAllText(job));
            if (beforeInputs)
            {
                // Only a promoted stage's pinned chart can predate inputs; until a promotion moves its pin GitLab refuses
                // its trigger (variables are restricted), and ProvisionManagementCluster's log names that stage.
                catalog.IsPinned(environment.Stage).ShouldBeTrue($"{environment} renders the working tree's chart, which must post inputs");
                transitional.Add(environment.ToString());
            }
            else
            {
                fields.ShouldAllBe(field => field.Field.StartsWith("inputs[", StringComparison.Ordinal), "the hook sends inputs only: the project lets no one set pipeline variables");
            }
            using var form = new MultipartFormDataContent
            {
                { new StringContent(gitLab.TriggerToken), "token" },
                { new StringContent(sent["PIPELINE_REF"]), "ref" },
            };
            foreach (var (field, variable) in fields.Where(field => sent.GetValueOrDefault(field.Variable) is { Length: > 0 }))
            {
                form.Add(new StringContent(sent[variable]), field);
            }

            using var response = await http.PostAsync(new Uri($"{gitLab.ApiUrl.ToString().TrimEnd('/')}/projects/{gitLab.ProjectId}/trigger/pipeline"), form);

            var answer = await response.Content.ReadAsStringAsync();
            ((int)response.StatusCode).ShouldBe(beforeInputs ? 400 : 201, $"{environment}: {answer}");
            if (beforeInputs)
            {
                answer.ShouldContain("Insufficient permissions to set pipeline variables");
            }
        }

        hooks.ShouldNotBeEmpty();
        hooks.Except(transitional).ShouldNotBeEmpty("the working tree's chart (dev) posts inputs and gets its jobs");

        // Whoever holds the token cannot choose the nightly or the e2e command through a variable any more.
        foreach (var (name, value) in new[] { ("CI_PIPELINE_SOURCE", "schedule"), ("E2E_COMMAND", "sh -c id") })
        {
            using var form = new MultipartFormDataContent
            {
                { new StringContent(gitLab.TriggerToken), "token" },
                { new StringContent("main"), "ref" },
                { new StringContent(value), $"variables[{name}]" },
            };
            using var response = await http.PostAsync(new Uri($"{gitLab.ApiUrl.ToString().TrimEnd('/')}/projects/{gitLab.ProjectId}/trigger/pipeline"), form);
            ((int)response.StatusCode).ShouldBe(400, name);
            (await response.Content.ReadAsStringAsync()).ShouldContain("Insufficient permissions to set pipeline variables");
        }
        hooks.ShouldNotContain("nightly-gcp", "nightly's e2e runs in its scheduled pipeline; a trigger for it gets no job");
    }

    private static IEnumerable<(string Field, string Variable)> HookFormFields(string jobFile) =>
        System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(jobFile), @"--form ""(?<field>(inputs|variables)\[[A-Za-z0-9_-]+\])=\$\{(?<variable>[A-Z_]+)\}""")
            .Select(match => (match.Groups["field"].Value, match.Groups["variable"].Value))
            .Distinct();

    private static Dictionary<string, string> HookEnvironment(string jobFile)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(jobFile)));
        var container = (YamlMappingNode)((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)((YamlMappingNode)((YamlMappingNode)
            stream.Documents.Single().RootNode)["spec"])["template"])["spec"])["containers"]).Children.Single();
        return ((YamlSequenceNode)container["env"]).Children.Cast<YamlMappingNode>()
            .Where(variable => variable.Children.ContainsKey("value"))
            .ToDictionary(variable => ((YamlScalarNode)variable["name"]).Value!, variable => ((YamlScalarNode)variable["value"]).Value!, StringComparer.Ordinal);
    }

    private YamlMappingNode CommittedCi() => Yaml(Path.Combine(clone.Root, CiFile));

    private static string Script(YamlMappingNode ci, string job) =>
        string.Join('\n', ((YamlSequenceNode)((YamlMappingNode)ci[job])["script"]).Children.Select(line => ((YamlScalarNode)line).Value));

    private static YamlMappingNode Yaml(string path)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(path)));
        // .gitlab-ci.yml's first document is its spec:inputs header; the configuration is the last.
        return (YamlMappingNode)stream.Documents[^1].RootNode;
    }

    private static List<YamlMappingNode> AllDocuments(string path)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(path)));
        return [.. stream.Documents.Select(document => (YamlMappingNode)document.RootNode)];
    }

    private static readonly Dictionary<string, string> MainPush = new() { ["CI_PIPELINE_SOURCE"] = "push", ["CI_COMMIT_BRANCH"] = "main", ["CI_DEFAULT_BRANCH"] = "main" };

    private static string ChildFile(string environment) => $".ci/pipelines/main-{environment}.yml";

    private static string DestroyFile(string environment) => $".ci/pipelines/main-{environment}-destroy.yml";

    /// <summary>The child pipeline as gitlab-ci-local lists it (GitLab's schema included), with the source GitLab gives it.</summary>
    private Dictionary<string, ListedJob> ChildJobs(string environmentOrFile)
    {
        var file = environmentOrFile.EndsWith(".yml", StringComparison.Ordinal) ? environmentOrFile : ChildFile(environmentOrFile);
        var result = GitLabCiLocal.Get().Run(clone.Root, new Dictionary<string, string> { ["CI_PIPELINE_SOURCE"] = "parent_pipeline" }, "--file", file, "--list-csv");
        result.ExitCode.ShouldBe(0, result.Output + result.Error);
        result.Output.ShouldNotContain("Invalid");
        return result.Output.Split('\n').SkipWhile(line => !line.StartsWith("name;", StringComparison.Ordinal)).Skip(1)
            .Where(line => line.Length > 0)
            .Select(line => line.Split(';'))
            .ToDictionary(fields => fields[0], fields => new ListedJob(fields[3], bool.Parse(fields[4]), fields[5]), StringComparer.Ordinal);
    }

    private static bool Interruptible(YamlMappingNode ci, string job)
    {
        static string? Flag(YamlMappingNode node) =>
            node.Children.TryGetValue("interruptible", out var value) ? ((YamlScalarNode)value).Value : null;
        var own = Flag((YamlMappingNode)ci[job]);
        var inherited = ci.Children.TryGetValue("default", out var defaults) ? Flag((YamlMappingNode)defaults) : null;
        return (own ?? inherited) == "true";
    }

    /// <summary>The first workflow rule gitlab-ci-local finds true for these variables decides; its auto_cancel, else the workflow's, else conservative.</summary>
    private static string OnNewCommit(YamlMappingNode ci, IReadOnlyDictionary<string, string> variables)
    {
        var workflow = (YamlMappingNode)ci["workflow"];
        var rules = ((YamlSequenceNode)workflow["rules"]).Children.Cast<YamlMappingNode>().ToList();
        using var probe = new ProbeRepository();
        var probeJobs = string.Concat(rules.Select((rule, index) => rule.Children.TryGetValue("if", out var condition)
            ? $"probe-{index}:\n  script: [x]\n  rules:\n    - if: '{((YamlScalarNode)condition).Value!.Replace("'", "''", StringComparison.Ordinal)}'\n"
            : $"probe-{index}:\n  script: [x]\n"));
        var listed = probe.ListJobs(probeJobs, variables);
        var matched = Enumerable.Range(0, rules.Count).First(index => listed.Contains($"probe-{index}"));
        if (rules[matched].Children.TryGetValue("when", out var when))
        {
            ((YamlScalarNode)when).Value.ShouldNotBe("never", "the workflow creates no pipeline for these variables");
        }

        static string? Mode(YamlMappingNode node) => node.Children.TryGetValue("auto_cancel", out var autoCancel)
            ? ((YamlScalarNode)((YamlMappingNode)autoCancel)["on_new_commit"]).Value
            : null;
        return Mode(rules[matched]) ?? Mode(workflow) ?? AutoCancelModel.Conservative;
    }

    /// <summary>A throwaway git repository whose .gitlab-ci.yml has one job per expression, to let gitlab-ci-local evaluate them.</summary>
    private sealed class ProbeRepository : IDisposable
    {
        private readonly string root = Directory.CreateTempSubdirectory("gitops-probe-").FullName;

        public IReadOnlyCollection<string> ListJobs(string jobs, IReadOnlyDictionary<string, string> variables)
        {
            File.WriteAllText(Path.Combine(root, CiFile), jobs);
            foreach (var git in new[] { new[] { "init", "-q", "-b", "main" }, ["remote", "add", "origin", "https://gitlab.example.com/platform/probe.git"],
                ["add", "."], ["-c", "user.name=probe", "-c", "user.email=probe@example.com", "commit", "-qm", "probe"] })
            {
                ProcessResult.Run("git", git, root, new Dictionary<string, string?>()).ExitCode.ShouldBe(0);
            }

            var result = GitLabCiLocal.Get().Run(root, variables, "--list-csv");
            result.ExitCode.ShouldBe(0, result.Output + result.Error);
            return [.. result.Output.Split('\n').SkipWhile(line => !line.StartsWith("name;", StringComparison.Ordinal)).Skip(1)
                .Where(line => line.Length > 0).Select(line => line.Split(';')[0])];
        }

        public void Dispose() => Directory.Delete(root, recursive: true);
    }

    // --list-csv validates against GitLab's schema like --list and, unlike --list-json, leaves out jobs whose rules exclude them.
    /// <summary>
    /// gitlab-ci-local evaluates rules:changes as <c>git diff --name-only origin/&lt;default&gt;</c>: pointing that ref at
    /// the copy's commit makes a merge request whose target already has everything, whatever the working tree held.
    /// </summary>
    private CommittedCopy MergeRequestWithoutCodeChanges()
    {
        var copy = new CommittedCopy(clone);
        FreshClone.Git(copy.Root, "update-ref", "refs/remotes/origin/HEAD", "HEAD");
        return copy;
    }

    private Dictionary<string, ListedJob> ListJobs(IReadOnlyDictionary<string, string> variables, IReadOnlyDictionary<string, string>? inputs = null) =>
        ListJobs(clone.Root, variables, inputs);

    /// <summary>With <paramref name="inputs"/>, through a file that includes .gitlab-ci.yml with them, as a trigger's inputs[...] give them.</summary>
    private static Dictionary<string, ListedJob> ListJobs(string repository, IReadOnlyDictionary<string, string> variables, IReadOnlyDictionary<string, string>? inputs = null)
    {
        using var wrapper = inputs is { Count: > 0 } ? new InputsWrapper(repository, inputs) : null;
        var result = wrapper is null
            ? GitLabCiLocal.Get().Run(repository, variables, "--list-csv")
            : GitLabCiLocal.Get().Run(repository, variables, "--file", wrapper.FileName, "--list-csv");
        result.ExitCode.ShouldBe(0, result.Output + result.Error);
        result.Output.ShouldNotContain("Invalid .gitlab-ci.yml");
        return result.Output.Split('\n').SkipWhile(line => !line.StartsWith("name;", StringComparison.Ordinal)).Skip(1)
            .Where(line => line.Length > 0)
            .Select(line => line.Split(';'))
            .ToDictionary(fields => fields[0], fields => new ListedJob(fields[3], bool.Parse(fields[4]), fields[5]), StringComparer.Ordinal);
    }

    private sealed record ListedJob(string When, bool AllowFailure, string Needs);

    private static IEnumerable<KeyValuePair<string, string>> Pairs(string text) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(pair => pair.Split('=', 2)).Select(pair => KeyValuePair.Create(pair[0], pair[1]));
}
