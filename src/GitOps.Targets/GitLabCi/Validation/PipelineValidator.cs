namespace GitOps.Targets.GitLabCi.Validation;

/// <summary>Checks a whole pipeline and reports every problem at once, one line each, before anything is written.</summary>
internal static class PipelineValidator
{
    // Top-level keywords that cannot be job names.
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "image", "services", "stages", "types", "before_script", "after_script", "variables", "cache", "include",
        "workflow", "default", "spec",
    };

    private static readonly string[] DefaultStages = ["build", "test", "deploy"];

    public static IReadOnlyList<string> Validate(GitLabPipeline pipeline)
    {
        var errors = new List<string>();
        ValidateWorkflow(pipeline.Workflow, errors);
        var stages = ValidateStages(pipeline.Stages, errors);
        VariableNames.Check("pipeline variables", pipeline.Variables, errors);
        JobContentValidation.CheckDefaults(pipeline.Default, errors);

        var jobs = new Dictionary<string, GitLabJob>(StringComparer.Ordinal);
        foreach (var job in pipeline.Jobs)
        {
            if (string.IsNullOrWhiteSpace(job.Name))
            {
                errors.Add("a job has an empty name; every job needs a unique, non-blank name");
            }
            else if (Keywords.Contains(job.Name))
            {
                errors.Add($"job '{job.Name}': the name is a GitLab keyword; choose another name");
            }
            else if (!jobs.TryAdd(job.Name, job))
            {
                errors.Add($"job '{job.Name}': defined more than once; job names must be unique");
            }

            var stage = job.Stage ?? "test";
            if (!stages.ContainsKey(stage))
            {
                errors.Add($"job '{job.Name}': stage '{stage}' is not declared; declared stages: {string.Join(", ", stages.Keys)}");
            }

            JobContentValidation.Check(job, errors);
        }

        NeedsValidation.Check(pipeline.Jobs, jobs, stages, errors);
        EnvironmentValidation.Check(pipeline.Jobs, jobs, errors);
        foreach (var job in pipeline.Jobs.Where(job => job.Trigger is { } trigger && !pipeline.Children.ContainsKey(trigger.Include)))
        {
            errors.Add($"job '{job.Name}': triggers {job.Trigger!.Include}, which is not one of this pipeline's child pipelines");
        }

        foreach (var (path, child) in pipeline.Children)
        {
            errors.AddRange(Validate(child).Select(error => $"{path}: {error}"));
            // The trigger job holds its resource group until the child finishes: a child job asking for it waits forever.
            var held = pipeline.Jobs.Where(job => job.Trigger?.Include == path).Select(job => job.ResourceGroup).OfType<string>().ToHashSet(StringComparer.Ordinal);
            foreach (var job in child.Jobs.Where(job => job.ResourceGroup is { } group && held.Contains(group)))
            {
                errors.Add($"{path}: job '{job.Name}' asks for resource group '{job.ResourceGroup}', which the job triggering it holds: it would wait forever");
            }
        }

        InputValidation.Check(pipeline, errors);
        return errors;
    }

    private static void ValidateWorkflow(GitLabWorkflow? workflow, List<string> errors)
    {
        CheckAutoCancel("workflow", workflow?.AutoCancel, errors);
        foreach (var rule in workflow?.Rules ?? [])
        {
            CheckAutoCancel($"workflow rule '{rule.If}'", rule.AutoCancel, errors);
            if (rule.When is { } when && when is not (GitLabWhen.Always or GitLabWhen.Never))
            {
                errors.Add($"workflow rule '{rule.If}': when {when} is not allowed; workflow rules allow only Always or Never");
            }

            if (rule.AllowFailure is not null)
            {
                errors.Add($"workflow rule '{rule.If}': allow_failure is only allowed in job rules");
            }

            VariableNames.Check($"workflow rule '{rule.If}'", rule.Variables, errors);
        }
    }

    private static void CheckAutoCancel(string owner, GitLabAutoCancel? autoCancel, List<string> errors)
    {
        if (autoCancel is not null && !Enum.IsDefined(autoCancel.OnNewCommit))
        {
            errors.Add($"{owner}: auto_cancel on_new_commit {(int)autoCancel.OnNewCommit} is not one of Conservative, Interruptible, None");
        }
    }

    // Stage name -> position, with GitLab's implicit .pre first and .post last.
    private static Dictionary<string, int> ValidateStages(IReadOnlyList<string> declared, List<string> errors)
    {
        var stages = new Dictionary<string, int>(StringComparer.Ordinal) { [".pre"] = 0 };
        foreach (var stage in declared.Count == 0 ? DefaultStages : declared)
        {
            if (string.IsNullOrWhiteSpace(stage))
            {
                errors.Add("stages: a stage name is blank");
            }
            else if (!stages.TryAdd(stage, stages.Count))
            {
                errors.Add($"stages: '{stage}' is listed more than once");
            }
        }

        stages.TryAdd(".post", stages.Count);
        return stages;
    }
}
