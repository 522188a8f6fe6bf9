namespace GitOps.Targets.GitLabCi.Yaml;

/// <summary>Writes one job with its keys in the order people read them: where, when, what, then what is kept.</summary>
internal static class JobYaml
{
    public static void Write(YamlEventWriter yaml, GitLabJob job)
    {
        yaml.Key(job.Name);
        yaml.BeginMapping();
        yaml.Text("stage", job.Stage);
        yaml.Text("image", job.Image);
        yaml.TextList("tags", job.Tags);
        WriteNeeds(yaml, job.Needs);
        RuleYaml.WriteRules(yaml, job.Rules);
        if (job.When is { } when)
        {
            yaml.Text("when", GitLabKeywords.Of(when));
        }

        yaml.Boolean("allow_failure", job.AllowFailure);
        yaml.Text("resource_group", job.ResourceGroup);
        EnvironmentYaml.Write(yaml, job.Environment);
        yaml.Variables("variables", job.Variables);
        WriteIdTokens(yaml, job.IdTokens);
        if (job.Trigger is { } trigger)
        {
            yaml.Key("trigger");
            yaml.BeginMapping();
            yaml.Text("include", trigger.Include);
            yaml.Text("strategy", "depend");
            yaml.EndMapping();
        }

        yaml.TextList("before_script", job.BeforeScript);
        yaml.TextList("script", job.Script);
        yaml.TextList("after_script", job.AfterScript);
        ArtifactsYaml.Write(yaml, job.Artifacts);
        CacheYaml.Write(yaml, job.Cache);
        RetryYaml.Write(yaml, job.Retry);
        if (job.Timeout is { } timeout)
        {
            yaml.Text("timeout", GitLabDuration.Format(timeout));
        }

        yaml.Boolean("interruptible", job.Interruptible);
        yaml.EndMapping();
    }

    private static void WriteIdTokens(YamlEventWriter yaml, IReadOnlyDictionary<string, GitLabIdToken> tokens)
    {
        if (tokens.Count == 0)
        {
            return;
        }

        yaml.Key("id_tokens");
        yaml.BeginMapping();
        foreach (var (name, token) in tokens)
        {
            yaml.Key(name);
            yaml.BeginMapping();
            if (token.Audiences.Count == 1)
            {
                yaml.Text("aud", token.Audiences[0]);
            }
            else
            {
                yaml.TextList("aud", token.Audiences);
            }

            yaml.EndMapping();
        }

        yaml.EndMapping();
    }

    private static void WriteNeeds(YamlEventWriter yaml, IReadOnlyList<GitLabNeed>? needs)
    {
        if (needs is null)
        {
            return;
        }

        // An empty list is written on purpose: `needs: []` starts the job without waiting for earlier stages.
        yaml.Key("needs");
        yaml.BeginSequence();
        foreach (var need in needs)
        {
            if (!need.Optional && need.Artifacts)
            {
                yaml.Text(need.Job);
                continue;
            }

            yaml.BeginMapping();
            yaml.Text("job", need.Job);
            yaml.Boolean("artifacts", need.Artifacts ? null : false);
            yaml.Boolean("optional", need.Optional ? true : null);
            yaml.EndMapping();
        }

        yaml.EndSequence();
    }
}
