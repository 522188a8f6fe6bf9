namespace GitOps.Targets.GitLabCi.Yaml;

/// <summary>Writes <c>environment:</c> always as a mapping so name, action and on_stop line up across jobs.</summary>
internal static class EnvironmentYaml
{
    public static void Write(YamlEventWriter yaml, GitLabEnvironment? environment)
    {
        if (environment is null)
        {
            return;
        }

        yaml.Key("environment");
        yaml.BeginMapping();
        yaml.Text("name", environment.Name);
        yaml.Text("url", environment.Url);
        if (environment.Action is { } action)
        {
            yaml.Text("action", GitLabKeywords.Of(action));
        }

        yaml.Text("on_stop", environment.OnStop);
        yaml.Text("auto_stop_in", environment.AutoStopIn);
        if (environment.DeploymentTier is { } tier)
        {
            yaml.Text("deployment_tier", GitLabKeywords.Of(tier));
        }

        yaml.EndMapping();
    }
}
