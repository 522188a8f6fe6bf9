using System.Diagnostics;
using GitOps.Platform.Environments;
using GitOps.Platform.Tests.Helm;
using GitOps.Platform.Tests.Verification;
using GitOps.Platform.Verification;
using GitOps.TestDoubles.GitLab;
using YamlDotNet.RepresentationModel;

namespace GitOps.Platform.Tests.ArgoCd;

/// <summary>
/// The PostSync hook Job as the chart renders it for qa/gcp, its script run for real by /bin/sh and curl against the
/// fake GitLab's trigger endpoint on loopback. One sync must start at most one pipeline, whatever GitLab answers.
/// </summary>
public sealed class E2eTriggerHookTests
{
    private static readonly EnvironmentId Qa = new(Stage.Qa, Cloud.Gcp);

    /// <summary>
    /// The project lets no one set pipeline variables (ProvisionManagementCluster): GitLab refuses a trigger carrying any,
    /// so the hook sends pipeline inputs only, which the restriction does not touch.
    /// </summary>
    [Fact]
    public async Task A_good_token_starts_exactly_one_pipeline_with_stage_cloud_and_release_inputs_where_no_one_may_set_variables()
    {
        await using var fake = await Restricted();
        var job = await RenderedJob.LoadAsync(Qa);

        var run = await job.RunAsync(fake, fake.TriggerToken);

        run.ExitCode.ShouldBe(0, run.Output);
        var pipeline = fake.Pipelines.ShouldHaveSingleItem();
        pipeline.Ref.ShouldBe("main");
        pipeline.Variables.ShouldBeEmpty();
        pipeline.Inputs["stage"].ShouldBe("qa");
        pipeline.Inputs["cloud"].ShouldBe("gcp");
        pipeline.Inputs["release"].ShouldBe(job.Env["RELEASE"]);
        run.Output.ShouldNotContain(fake.TriggerToken);
    }

    [Fact]
    public async Task The_revision_argo_cd_rendered_the_chart_from_is_posted_as_the_revision_input_and_left_out_when_the_application_passes_none()
    {
        const string Sha = "0e62172adede5d1658dc4048503aee0e095e9c52";
        await using var fake = await Restricted();
        var job = await RenderedJob.LoadAsync(Qa);
        job.Env["REVISION"].ShouldBe(string.Empty, "the chart's default: the Application sets e2eTrigger.revision=$ARGOCD_APP_REVISION");

        var unset = await job.RunAsync(fake, fake.TriggerToken);
        var pinned = await job.RunAsync(fake, fake.TriggerToken, new Dictionary<string, string> { ["REVISION"] = Sha });

        unset.ExitCode.ShouldBe(0, unset.Output);
        pinned.ExitCode.ShouldBe(0, pinned.Output);
        fake.Pipelines.Count.ShouldBe(2);
        fake.Pipelines[0].Inputs.ShouldNotContainKey("revision");
        fake.Pipelines[1].Inputs["revision"].ShouldBe(Sha);
        fake.Pipelines[1].Inputs["release"].ShouldBe(job.Env["RELEASE"]);
        pinned.Output.ShouldContain($"at {Sha}");
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    public async Task A_refused_token_fails_after_one_post(int status)
    {
        await using var fake = await FakeGitLab.StartAsync();
        fake.Faults.Fail(10, status, method: "POST");
        var job = await RenderedJob.LoadAsync(Qa);

        var run = await job.RunAsync(fake, fake.TriggerToken);

        run.ExitCode.ShouldNotBe(0);
        Posts(fake).ShouldBe(1, run.Output);
        run.Output.ShouldContain($"GitLab refused the trigger with HTTP {status}");
    }

    [Fact]
    public async Task A_wrong_token_that_gitlab_answers_with_404_fails_after_one_post()
    {
        await using var fake = await FakeGitLab.StartAsync();
        var job = await RenderedJob.LoadAsync(Qa);

        var run = await job.RunAsync(fake, "glptt-wrong-token-Zr81");

        run.ExitCode.ShouldNotBe(0);
        Posts(fake).ShouldBe(1, run.Output);
        fake.Pipelines.ShouldBeEmpty();
        run.Output.ShouldNotContain("glptt-wrong-token-Zr81");
    }

    [Fact]
    public async Task A_trigger_that_matches_no_job_is_refused_by_gitlab_and_fails_the_hook_after_one_post()
    {
        await using var fake = await FakeGitLab.StartAsync();
        fake.TriggeredJobs = (_, _, _) => [];
        var job = await RenderedJob.LoadAsync(Qa);

        var run = await job.RunAsync(fake, fake.TriggerToken);

        run.ExitCode.ShouldNotBe(0);
        Posts(fake).ShouldBe(1, run.Output);
        fake.Pipelines.ShouldBeEmpty();
        run.Output.ShouldContain("No stages / jobs for this pipeline.");
        run.Output.ShouldContain("GitLab refused the trigger with HTTP 400");
    }

    [Fact]
    public async Task A_server_error_after_gitlab_created_the_pipeline_is_not_posted_again()
    {
        await using var fake = await FakeGitLab.StartAsync();
        fake.Faults.FailAfterProcessing(10, 502, method: "POST");
        var job = await RenderedJob.LoadAsync(Qa);

        var run = await job.RunAsync(fake, fake.TriggerToken);

        run.ExitCode.ShouldNotBe(0);
        Posts(fake).ShouldBe(1, run.Output);
        fake.Pipelines.Count.ShouldBe(1, "GitLab created it before failing; a retry would start a second e2e run");
        run.Output.ShouldContain("GitLab may have started the pipeline anyway");
    }

    [Fact]
    public async Task A_server_error_is_not_retried()
    {
        await using var fake = await FakeGitLab.StartAsync();
        fake.Faults.Fail(10, 500, method: "POST");
        var job = await RenderedJob.LoadAsync(Qa);

        var run = await job.RunAsync(fake, fake.TriggerToken);

        run.ExitCode.ShouldNotBe(0);
        Posts(fake).ShouldBe(1, run.Output);
    }

    [Fact]
    public async Task A_timed_out_post_is_not_posted_again()
    {
        await using var fake = await FakeGitLab.StartAsync();
        fake.Faults.Delay(10, TimeSpan.FromSeconds(6), method: "POST");
        var job = await RenderedJob.LoadAsync(Qa);

        var run = await job.RunAsync(fake, fake.TriggerToken, new Dictionary<string, string> { ["REQUEST_TIMEOUT_SECONDS"] = "1" });

        run.ExitCode.ShouldNotBe(0);
        Posts(fake).ShouldBe(1, run.Output);
        run.Output.ShouldContain("curl exit 28");
    }

    [Fact]
    public async Task Rate_limiting_is_retried_after_retry_after_and_still_starts_one_pipeline()
    {
        await using var fake = await FakeGitLab.StartAsync();
        fake.Faults.Throttle(2, "0", method: "POST");
        var job = await RenderedJob.LoadAsync(Qa);

        var run = await job.RunAsync(fake, fake.TriggerToken);

        run.ExitCode.ShouldBe(0, run.Output);
        Posts(fake).ShouldBe(3, run.Output);
        fake.Pipelines.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Runs_as_non_root_on_a_read_only_root_without_capabilities_or_a_service_account_token_and_is_never_restarted()
    {
        var job = await RenderedJob.LoadAsync(Qa);
        var spec = job.Document.At("spec");
        var pod = spec.At("template", "spec");
        var container = job.Container;

        spec.Scalar("backoffLimit").ShouldBe("0");
        pod.Scalar("automountServiceAccountToken").ShouldBe("false");
        pod.Scalar("restartPolicy").ShouldBe("Never");
        pod.At("securityContext").Scalar("runAsNonRoot").ShouldBe("true");
        pod.At("securityContext", "seccompProfile").Scalar("type").ShouldBe("RuntimeDefault");
        container.At("securityContext").Scalar("readOnlyRootFilesystem").ShouldBe("true");
        container.At("securityContext").Scalar("allowPrivilegeEscalation").ShouldBe("false");
        ((YamlSequenceNode)container.At("securityContext", "capabilities").Children["drop"]).Children
            .Select(node => ((YamlScalarNode)node).Value).ShouldBe(["ALL"]);
        job.Script.ShouldNotContain("--retry");
    }

    private static int Posts(FakeGitLab fake) =>
        fake.Requests.Count(request => request.Method == "POST" && request.Path.EndsWith("/trigger/pipeline", StringComparison.Ordinal));

    /// <summary>The rendered Job: its container's environment (literal values) and the script it runs.</summary>
    private sealed class RenderedJob
    {
        private RenderedJob(YamlMappingNode document)
        {
            Document = document;
            Container = (YamlMappingNode)((YamlSequenceNode)document.At("spec", "template", "spec").Children["containers"]).Children.Single();
            var command = ((YamlSequenceNode)Container.Children["command"]).Children.Select(node => ((YamlScalarNode)node).Value!).ToList();
            command.Take(2).ShouldBe(["/bin/sh", "-c"]);
            Script = command[2];
            Env = ((YamlSequenceNode)Container.Children["env"]).Children.Cast<YamlMappingNode>()
                .Where(variable => variable.Children.ContainsKey("value"))
                .ToDictionary(variable => variable.Scalar("name")!, variable => variable.Scalar("value")!, StringComparer.Ordinal);
        }

        public YamlMappingNode Document { get; }

        public YamlMappingNode Container { get; }

        public string Script { get; }

        public Dictionary<string, string> Env { get; }

        public static async Task<RenderedJob> LoadAsync(EnvironmentId environment)
        {
            using var copy = await RepositoryCopy.CreateAsync();
            var rendered = await new Renderer(await TestHelm.CliAsync(), TestHelm.Runner).RenderAsync(copy.Root, environment, CancellationToken.None);
            var file = Path.Combine(rendered.Directory, $"job-e2e-trigger-{environment}.yaml");
            var stream = new YamlStream();
            stream.Load(new StringReader(await File.ReadAllTextAsync(file)));
            return new RenderedJob((YamlMappingNode)stream.Documents.Single().RootNode);
        }

        /// <summary>Runs the script as the container would, pointed at <paramref name="fake"/>; the token comes from the Secret there.</summary>
        public async Task<(int ExitCode, string Output)> RunAsync(FakeGitLab fake, string token, IReadOnlyDictionary<string, string>? overrides = null)
        {
            var start = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(Script);
            start.Environment.Clear();
            start.Environment["PATH"] = "/usr/bin:/bin";
            foreach (var (name, value) in Env)
            {
                start.Environment[name] = value;
            }

            start.Environment["GITLAB_API_URL"] = fake.ApiUrl.ToString().TrimEnd('/');
            start.Environment["PROJECT_ID"] = fake.ProjectId.ToString(System.Globalization.CultureInfo.InvariantCulture);
            start.Environment["TRIGGER_TOKEN"] = token;
            foreach (var (name, value) in overrides ?? new Dictionary<string, string>())
            {
                start.Environment[name] = value;
            }

            using var process = Process.Start(start)!;
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            var error = process.StandardError.ReadToEndAsync(timeout.Token);
            var output = await process.StandardOutput.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, output + await error);
        }
    }

    private static async Task<FakeGitLab> Restricted()
    {
        var fake = await FakeGitLab.StartAsync();
        fake.RestrictUserDefinedVariables = true;
        fake.PipelineVariablesMinimumOverrideRole = "no_one_allowed";
        return fake;
    }
}
