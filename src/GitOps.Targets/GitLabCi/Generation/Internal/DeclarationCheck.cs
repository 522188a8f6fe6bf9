namespace GitOps.Targets.GitLabCi.Generation.Internal;

/// <summary>Mistakes in pipeline declarations, all at once, each naming the pipeline, lane and target.</summary>
internal static class DeclarationCheck
{
    public static List<string> Errors(TargetOrder order, IReadOnlyList<PipelineDeclaration> pipelines, GenerationSettings settings)
    {
        var errors = new List<string>();
        foreach (var duplicate in pipelines.GroupBy(pipeline => pipeline.Name, StringComparer.Ordinal).Where(group => group.Count() > 1))
        {
            errors.Add($"pipeline '{duplicate.Key}' is declared more than once");
        }

        foreach (var pipeline in pipelines)
        {
            foreach (var lane in pipeline.Lanes)
            {
                CheckLane($"pipeline '{pipeline.Name}' lane '{lane.Name}'", order, lane, errors);
                foreach (var step in lane.Steps)
                {
                    var own = settings.Targets.GetValueOrDefault(step.Target)?.Variables ?? new Dictionary<string, string>();
                    foreach (var clash in lane.Variables.Keys.Where(own.ContainsKey))
                    {
                        errors.Add($"pipeline '{pipeline.Name}' lane '{lane.Name}': variable '{clash}' is set by the lane and by target '{step.Target}'; set it in one place");
                    }
                }
            }
        }

        foreach (var (target, job) in settings.Targets)
        {
            if (job.Stage is { } stage && !settings.Stages.Contains(stage, StringComparer.Ordinal))
            {
                errors.Add($"target '{target}': stage '{stage}' is not one of the declared stages {string.Join(", ", settings.Stages)}");
            }

            foreach (var path in job.Paths.Concat(job.Dotenv).Concat(job.Junit))
            {
                foreach (var glob in settings.NeverArtifacts.Where(glob => ArtifactGlobs.IsInside(path, glob)))
                {
                    errors.Add($"target '{target}': artifact '{path}' is inside '{glob}', which must never be uploaded");
                }
            }
        }

        return errors;
    }

    private static void CheckLane(string owner, TargetOrder order, Lane lane, List<string> errors)
    {
        var members = lane.Steps.Select(step => step.Target).ToHashSet(StringComparer.Ordinal);
        foreach (var duplicate in lane.Steps.GroupBy(step => step.Target, StringComparer.Ordinal).Where(group => group.Count() > 1))
        {
            errors.Add($"{owner}: target '{duplicate.Key}' appears more than once; a lane runs each target once");
        }

        foreach (var child in lane.Children)
        {
            foreach (var missing in child.Targets.Where(target => !members.Contains(target)))
            {
                errors.Add($"{owner}: child pipeline {child.File} runs '{missing}', which is not a step of this lane");
            }

            if (child.Targets.Count == 0 || lane.Environment is null)
            {
                errors.Add($"{owner}: child pipeline {child.File} needs steps and the lane's environment (its resource group is what the child runs under)");
            }
        }

        foreach (var shared in lane.Children.SelectMany(child => child.Targets).GroupBy(target => target, StringComparer.Ordinal).Where(group => group.Count() > 1))
        {
            errors.Add($"{owner}: target '{shared.Key}' is in more than one child pipeline; a step runs in one place");
        }

        foreach (var step in lane.Steps)
        {
            if (!order.Contains(step.Target))
            {
                errors.Add($"{owner}: target '{step.Target}' is not declared by the build");
            }

            foreach (var after in step.After.Where(after => !members.Contains(after)))
            {
                errors.Add($"{owner}: target '{step.Target}' runs after '{after}', which is not a step of this lane");
            }

            foreach (var skipped in step.Skip.Where(skipped => !order.Contains(skipped)))
            {
                errors.Add($"{owner}: target '{step.Target}' skips '{skipped}', which is not declared by the build");
            }

            if (step.EnvironmentAction is not null && lane.Environment is null)
            {
                errors.Add($"{owner}: target '{step.Target}' acts on the environment but the lane has none");
            }
        }
    }
}
