namespace GitOps.Targets.GitLabCi.Yaml;

/// <summary>Writes <c>rules:</c> lists for jobs and for the workflow.</summary>
internal static class RuleYaml
{
    public static void WriteRules(YamlEventWriter yaml, IReadOnlyList<GitLabRule> rules)
    {
        if (rules.Count == 0)
        {
            return;
        }

        yaml.Key("rules");
        yaml.BeginSequence();
        foreach (var rule in rules)
        {
            yaml.BeginMapping();
            if (rule.If is { } expression)
            {
                yaml.Key("if");
                yaml.Expression(expression);
            }

            yaml.TextList("changes", rule.Changes);

            if (rule.When is { } when)
            {
                yaml.Text("when", GitLabKeywords.Of(when));
            }

            yaml.Boolean("allow_failure", rule.AllowFailure);
            yaml.Variables("variables", rule.Variables);
            WriteAutoCancel(yaml, rule.AutoCancel);
            yaml.EndMapping();
        }

        yaml.EndSequence();
    }

    public static void WriteAutoCancel(YamlEventWriter yaml, GitLabAutoCancel? autoCancel)
    {
        if (autoCancel is null)
        {
            return;
        }

        yaml.Key("auto_cancel");
        yaml.BeginMapping();
        yaml.Text("on_new_commit", GitLabKeywords.Of(autoCancel.OnNewCommit));
        yaml.EndMapping();
    }
}
