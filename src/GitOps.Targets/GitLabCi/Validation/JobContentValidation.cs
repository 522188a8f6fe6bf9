namespace GitOps.Targets.GitLabCi.Validation;

/// <summary>Checks what a single job (or the defaults) declares, independent of the other jobs.</summary>
internal static class JobContentValidation
{
    private const int MaxCaches = 4;

    public static void Check(GitLabJob job, List<string> errors)
    {
        var owner = $"job '{job.Name}'";
        if (job.Trigger is { } trigger)
        {
            CheckTrigger(owner, job, trigger, errors);
        }
        else if (job.Script.Count == 0 || job.Script.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add($"{owner}: script is empty or has a blank line; every job needs at least one command");
        }

        CheckEnum(owner, "when", job.When, errors);
        foreach (var rule in job.Rules)
        {
            if (rule.Changes.Any(string.IsNullOrWhiteSpace))
            {
                errors.Add($"{owner}: a rule's changes list has a blank glob");
            }

            if (rule.If is null && rule.When is null && rule.Changes.Count == 0)
            {
                errors.Add($"{owner}: a rule has neither if nor when; give it a condition or an outcome");
            }

            CheckEnum(owner, "rules:when", rule.When, errors);
            if (rule.AutoCancel is not null)
            {
                errors.Add($"{owner}: auto_cancel is allowed only in workflow rules");
            }

            VariableNames.Check($"{owner} rule '{rule.If}'", rule.Variables, errors);
        }

        VariableNames.Check(owner, job.Variables, errors);
        VariableNames.Check($"{owner} id_tokens", job.IdTokens.ToDictionary(token => token.Key, _ => string.Empty, StringComparer.Ordinal), errors);
        foreach (var (name, token) in job.IdTokens.Where(token => token.Value.Audiences.Count == 0 || token.Value.Audiences.Any(string.IsNullOrWhiteSpace)))
        {
            errors.Add($"{owner}: id token '{name}' needs an aud (the audience the receiving service accepts)");
        }
        CheckArtifacts(owner, job.Artifacts, errors);
        CheckShared(owner, job.Cache, job.Retry, job.Timeout, errors);
    }

    // GitLab runs nothing in a trigger job: keys of a script job are rejected there or silently ignored.
    private static void CheckTrigger(string owner, GitLabJob job, GitLabTrigger trigger, List<string> errors)
    {
        if (job.Script.Count + job.BeforeScript.Count + job.AfterScript.Count > 0 || job.Image is not null || job.Artifacts is not null
            || job.IdTokens.Count > 0 || job.Cache.Count > 0 || job.Timeout is not null)
        {
            errors.Add($"{owner}: a trigger job runs no script; drop script, image, id_tokens, artifacts, cache and timeout");
        }

        if (string.IsNullOrWhiteSpace(trigger.Include) || Path.IsPathRooted(trigger.Include) || trigger.Include.Contains("..", StringComparison.Ordinal)
            || !(trigger.Include.EndsWith(".yml", StringComparison.Ordinal) || trigger.Include.EndsWith(".yaml", StringComparison.Ordinal)))
        {
            errors.Add($"{owner}: trigger include '{trigger.Include}' must be a repository-relative .yml or .yaml path");
        }
    }

    public static void CheckDefaults(GitLabDefaults? defaults, List<string> errors)
    {
        if (defaults is not null)
        {
            CheckShared("default", defaults.Cache, defaults.Retry, defaults.Timeout, errors);
        }
    }

    private static void CheckArtifacts(string owner, GitLabArtifacts? artifacts, List<string> errors)
    {
        if (artifacts is null)
        {
            return;
        }

        CheckEnum(owner, "artifacts:when", artifacts.When, errors);
        RelativePaths.Check(owner, "artifacts:paths", artifacts.Paths, errors);
        RelativePaths.Check(owner, "artifacts:exclude", artifacts.Exclude, errors);
        RelativePaths.Check(owner, "artifacts:reports:junit", artifacts.Reports.Junit, errors);
        RelativePaths.Check(owner, "artifacts:reports:dotenv", artifacts.Reports.Dotenv, errors);
    }

    private static void CheckShared(
        string owner, IReadOnlyList<GitLabCache> caches, GitLabRetry? retry, TimeSpan? timeout, List<string> errors)
    {
        if (caches.Count > MaxCaches)
        {
            errors.Add($"{owner}: {caches.Count} caches; GitLab allows at most {MaxCaches}");
        }

        foreach (var cache in caches)
        {
            if (cache.Key is not null && cache.KeyFiles.Count > 0)
            {
                errors.Add($"{owner}: a cache sets both key and key files; use one of them");
            }

            if (cache.KeyFiles.Count > 2)
            {
                errors.Add($"{owner}: a cache key uses {cache.KeyFiles.Count} files; GitLab allows at most 2");
            }

            CheckEnum(owner, "cache:policy", cache.Policy, errors);
            RelativePaths.Check(owner, "cache:paths", cache.Paths, errors);
        }

        if (retry is not null)
        {
            if (retry.Max is < 0 or > 2)
            {
                errors.Add($"{owner}: retry max is {retry.Max}; GitLab allows 0, 1 or 2");
            }

            foreach (var when in retry.When)
            {
                CheckEnum(owner, "retry:when", (GitLabRetryWhen?)when, errors);
            }
        }

        if (timeout is { } limit && limit < TimeSpan.FromSeconds(1))
        {
            errors.Add($"{owner}: timeout {limit} is not positive; use at least one second");
        }
    }

    private static void CheckEnum<T>(string owner, string key, T? value, List<string> errors)
        where T : struct, Enum
    {
        if (value is { } defined && !Enum.IsDefined(defined))
        {
            errors.Add($"{owner}: {key} value {defined} is not one of {string.Join(", ", Enum.GetNames<T>())}");
        }
    }
}
