namespace GitOps.Targets.GitLabCi.Generation.Internal;

/// <summary>The jobs of one lane: command, needs, rules, environment and artifacts of each step.</summary>
internal sealed class LaneJobs(TargetOrder order, GenerationSettings settings, PipelineDeclaration pipeline, Lane lane)
{
    private readonly HashSet<string> members = lane.Steps.Select(step => step.Target).ToHashSet(StringComparer.Ordinal);

    // The child pipeline each step runs in; a step in none is a job of the pipeline itself.
    private readonly Dictionary<string, LaneChild> childOf = lane.Children
        .SelectMany(child => child.Targets.Select(target => KeyValuePair.Create(target, child)))
        .ToDictionary(StringComparer.Ordinal);

    /// <summary>The jobs of this lane in the pipeline itself; each child's trigger job stands where its first step would.</summary>
    public IEnumerable<GitLabJob> Create()
    {
        var triggered = new HashSet<LaneChild>();
        foreach (var step in lane.Steps)
        {
            if (!childOf.TryGetValue(step.Target, out var child))
            {
                yield return Job(step);
            }
            else if (triggered.Add(child))
            {
                yield return TriggerJob(child, step);
            }
        }
    }

    /// <summary>
    /// A child pipeline's jobs: no rules (the trigger job decided) except when: always, which a teardown keeps so that
    /// it runs although an earlier step of the unit failed, and a blocking manual rule for a step started by hand there
    /// too (<see cref="LaneStep.ByHandInChild"/>). The trigger job holds the lane's resource group; a job that
    /// starts or stops the environment holds its apply group as well, since a retried child job does not get the
    /// trigger job's group back (see <see cref="LaneEnvironment.ApplyResourceGroup"/>).
    /// </summary>
    public IReadOnlyList<GitLabJob> ChildJobs(LaneChild child) =>
    [
        .. lane.Steps.Where(step => child.Targets.Contains(step.Target)).Select(step => Job(step) with
        {
            Rules = step switch
            {
                { When: StepWhen.Always } => [new GitLabRule { When = GitLabWhen.Always }],
                { ByHandInChild: true } => [new GitLabRule { When = GitLabWhen.Manual, AllowFailure = false }],
                _ => [],
            },
            ResourceGroup = step.EnvironmentAction is GitLabEnvironmentAction.Start or GitLabEnvironmentAction.Stop ? lane.Environment?.ApplyResourceGroup : null,
            Environment = ChildEnvironment(child, step),
            Needs = [.. Needs(step).Where(child.Targets.Contains).Select(need => new GitLabNeed(NameOf(need)))],
        }),
    ];

    /// <summary>
    /// on_stop must name a job of the same pipeline: kept only when the stop job is in the same child. When it is not,
    /// the trigger job deploys the environment and names the stop job (or the trigger job standing for it); GitLab runs
    /// the stop job from the pipeline of the environment's last deployment, so the child's start jobs prepare instead
    /// (action: prepare keeps the environment and the ID token's environment claims, and creates no deployment).
    /// </summary>
    private GitLabEnvironment? ChildEnvironment(LaneChild child, LaneStep step)
    {
        if (Environment(step.EnvironmentAction, NameOf) is not { } environment)
        {
            return null;
        }

        return StopStep is { } stop && child.Targets.Contains(stop.Target)
            ? environment
            : environment with
            {
                OnStop = null,
                Action = environment.Action == GitLabEnvironmentAction.Start && StopStep is not null ? GitLabEnvironmentAction.Prepare : environment.Action,
            };
    }

    private LaneStep? StopStep => lane.Steps.FirstOrDefault(step => step.EnvironmentAction == GitLabEnvironmentAction.Stop);

    private string NameOf(string target) => PipelineGenerator.JobName(pipeline.Name, target, lane.Name);

    // What a job of the pipeline itself needs or names: a step inside a child is reached through its trigger job.
    private string NeedOf(string target) =>
        childOf.TryGetValue(target, out var child) ? PipelineGenerator.JobName(pipeline.Name, child.Name, lane.Name) : NameOf(target);

    private GitLabJob TriggerJob(LaneChild child, LaneStep first)
    {
        var outside = Needs(first).Where(need => !child.Targets.Contains(need));
        return new GitLabJob(PipelineGenerator.JobName(pipeline.Name, child.Name, lane.Name))
        {
            Stage = (settings.Targets.GetValueOrDefault(first.Target) ?? new TargetJobSettings()).Stage ?? settings.DefaultStage,
            Needs = [.. first.NeedsJobs.Select(job => new GitLabNeed(job)), .. outside.Select(need => new GitLabNeed(NeedOf(need)))],
            Rules = [Rule(first.When) with { Changes = first.Changes }],
            ResourceGroup = lane.Environment?.ResourceGroup,
            Environment = TriggerEnvironment(child, first),
            Trigger = new GitLabTrigger(child.File),
        };
    }

    /// <summary>
    /// GitLab runs an environment's on_stop job only from the pipeline that last deployed it, never from a child
    /// (gitlab-org/gitlab#427222). So when the child starts the environment and the stop step is elsewhere, the trigger
    /// job starts it too (environment on trigger jobs: GitLab 16.4+) and names the stop job, or the trigger job of the
    /// child the stop step runs in. A child that only stops the environment is started by a trigger job that stops it:
    /// that trigger job is what on_stop names, and GitLab plays it when someone stops the environment.
    /// </summary>
    private GitLabEnvironment? TriggerEnvironment(LaneChild child, LaneStep first) => first.EnvironmentAction switch
    {
        GitLabEnvironmentAction.Start when StopStep is { } stop && !child.Targets.Contains(stop.Target) => Environment(GitLabEnvironmentAction.Start, NeedOf),
        GitLabEnvironmentAction.Stop => Environment(GitLabEnvironmentAction.Stop, NeedOf),
        _ => null,
    };

    private GitLabJob Job(LaneStep step)
    {
        var target = settings.Targets.GetValueOrDefault(step.Target) ?? new TargetJobSettings();
        return new GitLabJob(NameOf(step.Target))
        {
            Stage = target.Stage ?? settings.DefaultStage,
            Needs = [.. step.NeedsJobs.Concat(Needs(step).Select(NeedOf)).Distinct(StringComparer.Ordinal).Select(need => new GitLabNeed(need))],
            Rules = [Rule(step.When) with { Changes = step.Changes }],
            ResourceGroup = step.EnvironmentAction is null ? null : lane.Environment?.ResourceGroup,
            Environment = Environment(step.EnvironmentAction, NeedOf),
            Variables = lane.Variables.Count == 0 ? target.Variables : target.Variables.Concat(lane.Variables).ToDictionary(StringComparer.Ordinal),
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

    // stopJob names the stop step's job as seen from the pipeline the environment is written in.
    private GitLabEnvironment? Environment(GitLabEnvironmentAction? action, Func<string, string> stopJob)
    {
        if (action is null || lane.Environment is not { } environment)
        {
            return null;
        }

        var stop = StopStep;
        return new GitLabEnvironment(environment.Name)
        {
            Action = action,
            OnStop = action == GitLabEnvironmentAction.Start && stop is not null ? stopJob(stop.Target) : null,
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
