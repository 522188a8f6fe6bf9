namespace GitOps.Targets.GitLabCi.Generation.Internal;

/// <summary>The jobs of one lane: command, needs, rules, environment and artifacts of each step.</summary>
internal sealed class LaneJobs(TargetOrder order, GenerationSettings settings, PipelineDeclaration pipeline, Lane lane)
{
    private readonly HashSet<string> members = lane.Steps.Select(step => step.Target).ToHashSet(StringComparer.Ordinal);

    private readonly HashSet<string> inChild = (lane.Child?.Targets ?? []).ToHashSet(StringComparer.Ordinal);

    /// <summary>The jobs of this lane in the pipeline itself; with a child, its trigger job stands where its first step would.</summary>
    public IEnumerable<GitLabJob> Create()
    {
        var triggered = false;
        foreach (var step in lane.Steps)
        {
            if (!inChild.Contains(step.Target))
            {
                yield return Job(step);
            }
            else if (!triggered)
            {
                triggered = true;
                yield return TriggerJob(step);
            }
        }
    }

    /// <summary>
    /// The child pipeline's jobs: no resource group (the trigger job holds it), and no rules (the trigger job decided)
    /// except when: always, which a teardown keeps so that it runs although an earlier step of the unit failed.
    /// </summary>
    public IReadOnlyList<GitLabJob> ChildJobs() =>
    [
        .. lane.Steps.Where(step => inChild.Contains(step.Target)).Select(step => Job(step) with
        {
            Rules = step.When == StepWhen.Always ? [new GitLabRule { When = GitLabWhen.Always }] : [],
            ResourceGroup = null,
            Environment = ChildEnvironment(step),
            Needs = [.. Needs(step).Where(inChild.Contains).Select(need => new GitLabNeed(NameOf(need)))],
        }),
    ];

    /// <summary>
    /// on_stop must name a job of the same pipeline: kept only when the stop job is in the child too. When it is not,
    /// the trigger job deploys the environment and names the stop job; GitLab runs the stop job from the pipeline of
    /// the environment's last deployment, so the child's start jobs prepare instead (action: prepare keeps the
    /// environment and the ID token's environment claims, and creates no deployment).
    /// </summary>
    private GitLabEnvironment? ChildEnvironment(LaneStep step)
    {
        if (Job(step).Environment is not { } environment)
        {
            return null;
        }

        var stopInChild = StopStep is { } stop && inChild.Contains(stop.Target);
        return stopInChild
            ? environment
            : environment with
            {
                OnStop = null,
                Action = environment.Action == GitLabEnvironmentAction.Start && StopStep is not null ? GitLabEnvironmentAction.Prepare : environment.Action,
            };
    }

    private LaneStep? StopStep => lane.Steps.FirstOrDefault(step => step.EnvironmentAction == GitLabEnvironmentAction.Stop);

    private string NameOf(string target) => PipelineGenerator.JobName(pipeline.Name, target, lane.Name);

    // What a job of the pipeline itself needs: a step inside the child is waited for through its trigger job.
    private string NeedOf(string target) =>
        inChild.Contains(target) ? PipelineGenerator.JobName(pipeline.Name, lane.Child!.Name, lane.Name) : NameOf(target);

    private GitLabJob TriggerJob(LaneStep first)
    {
        var child = lane.Child!;
        var outside = Needs(first).Where(need => !inChild.Contains(need));
        return new GitLabJob(PipelineGenerator.JobName(pipeline.Name, child.Name, lane.Name))
        {
            Stage = (settings.Targets.GetValueOrDefault(first.Target) ?? new TargetJobSettings()).Stage ?? settings.DefaultStage,
            Needs = [.. first.NeedsJobs.Select(job => new GitLabNeed(job)), .. outside.Select(need => new GitLabNeed(NeedOf(need)))],
            Rules = [Rule(first.When) with { Changes = first.Changes }],
            ResourceGroup = lane.Environment?.ResourceGroup,
            Environment = TriggerEnvironment(first),
            Trigger = new GitLabTrigger(child.File),
        };
    }

    /// <summary>
    /// GitLab runs an environment's on_stop job only from the pipeline that last deployed it, never from a child
    /// (gitlab-org/gitlab#427222). So when the child starts the environment and the stop job stays in this pipeline,
    /// the trigger job starts it too (environment on trigger jobs: GitLab 16.4+) and names the stop job.
    /// </summary>
    private GitLabEnvironment? TriggerEnvironment(LaneStep first) =>
        first.EnvironmentAction == GitLabEnvironmentAction.Start && StopStep is { } stop && !inChild.Contains(stop.Target)
            ? Environment(GitLabEnvironmentAction.Start)
            : null;

    private GitLabJob Job(LaneStep step)
    {
        var target = settings.Targets.GetValueOrDefault(step.Target) ?? new TargetJobSettings();
        return new GitLabJob(NameOf(step.Target))
        {
            Stage = target.Stage ?? settings.DefaultStage,
            Needs = [.. step.NeedsJobs.Concat(Needs(step).Select(NeedOf)).Distinct(StringComparer.Ordinal).Select(need => new GitLabNeed(need))],
            Rules = [Rule(step.When) with { Changes = step.Changes }],
            ResourceGroup = step.EnvironmentAction is null ? null : lane.Environment?.ResourceGroup,
            Environment = Environment(step.EnvironmentAction),
            Variables = target.Variables,
            IdTokens = target.IdTokens,
            Script = [Command(step)],
            Artifacts = Artifacts(target),
            Timeout = target.Timeout,
            Interruptible = step.Interruptible ? true : null,
        };
    }

    // Lane order keeps needs stable however the graph lists its edges.
    private IEnumerable<string> Needs(LaneStep step)
    {
        var before = order.NearestBefore(step.Target, members);
        before.UnionWith(step.After);
        return lane.Steps.Select(other => other.Target).Where(before.Contains);
    }

    private GitLabRule Rule(StepWhen when) => new()
    {
        If = Conditions.All(pipeline.Condition, lane.Condition),
        When = when switch
        {
            StepWhen.Manual or StepWhen.OnDemand => GitLabWhen.Manual,
            StepWhen.Always => GitLabWhen.Always,
            _ => null,
        },
        // Written out although it is GitLab's default under rules: the gate is the point, so say so.
        AllowFailure = when switch
        {
            StepWhen.Manual => false,
            StepWhen.OnDemand => true,
            _ => null,
        },
    };

    private GitLabEnvironment? Environment(GitLabEnvironmentAction? action)
    {
        if (action is null || lane.Environment is not { } environment)
        {
            return null;
        }

        var stop = StopStep;
        return new GitLabEnvironment(environment.Name)
        {
            Action = action,
            OnStop = action == GitLabEnvironmentAction.Start && stop is not null ? NameOf(stop.Target) : null,
            DeploymentTier = environment.DeploymentTier,
        };
    }

    // Targets this job's build would also run but that other jobs of the lane run are skipped, so nothing runs twice.
    private string Command(LaneStep step)
    {
        var words = new List<string> { settings.BuildCommand, step.Target };
        foreach (var (name, value) in lane.Parameters.Concat(step.Parameters))
        {
            words.Add($"--{name}");
            words.Add(ShellWords.Quote(value));
        }

        var plan = order.Plan(step.Target);
        var skipped = lane.Steps.Select(other => other.Target)
            .Where(other => other != step.Target && plan.Contains(other))
            .Concat(step.Skip)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (skipped.Count > 0)
        {
            words.Add("--skip");
            words.Add(string.Join(',', skipped));
        }

        return string.Join(' ', words);
    }

    private GitLabArtifacts? Artifacts(TargetJobSettings target)
    {
        if (target.Junit.Count == 0 && target.Dotenv.Count == 0 && target.Paths.Count == 0)
        {
            return null;
        }

        return new GitLabArtifacts
        {
            Paths = target.Paths,
            Exclude = target.Paths.Count > 0 ? settings.NeverArtifacts : [],
            // Test results matter most when the tests failed.
            When = target.Junit.Count > 0 ? GitLabArtifactsWhen.Always : null,
            ExposeAs = target.ExposeAs,
            Reports = new GitLabReports { Junit = target.Junit, Dotenv = target.Dotenv },
        };
    }
}
