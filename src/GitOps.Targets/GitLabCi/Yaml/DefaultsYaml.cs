namespace GitOps.Targets.GitLabCi.Yaml;

/// <summary>Writes the top-level <c>default:</c> in the same key order as jobs.</summary>
internal static class DefaultsYaml
{
    public static void Write(YamlEventWriter yaml, GitLabDefaults? defaults)
    {
        if (defaults is null || defaults.IsEmpty)
        {
            return;
        }

        yaml.Key("default");
        yaml.BeginMapping();
        yaml.Text("image", defaults.Image);
        yaml.TextList("tags", defaults.Tags);
        yaml.TextList("before_script", defaults.BeforeScript);
        yaml.TextList("after_script", defaults.AfterScript);
        CacheYaml.Write(yaml, defaults.Cache);
        RetryYaml.Write(yaml, defaults.Retry);
        if (defaults.Timeout is { } timeout)
        {
            yaml.Text("timeout", GitLabDuration.Format(timeout));
        }

        yaml.Boolean("interruptible", defaults.Interruptible);
        yaml.EndMapping();
    }
}
