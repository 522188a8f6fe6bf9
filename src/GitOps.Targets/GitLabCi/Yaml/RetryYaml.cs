namespace GitOps.Targets.GitLabCi.Yaml;

/// <summary>Writes <c>retry:</c> as a number, or as max + when when the failure kinds are limited.</summary>
internal static class RetryYaml
{
    public static void Write(YamlEventWriter yaml, GitLabRetry? retry)
    {
        if (retry is null)
        {
            return;
        }

        yaml.Key("retry");
        if (retry.When.Count == 0)
        {
            yaml.Integer(retry.Max);
            return;
        }

        yaml.BeginMapping();
        yaml.Key("max");
        yaml.Integer(retry.Max);
        yaml.TextList("when", [.. retry.When.Select(GitLabKeywords.Of)]);
        yaml.EndMapping();
    }
}
