namespace GitOps.Targets.GitLabCi.Yaml;

/// <summary>Writes <c>artifacts:</c>, including the junit and dotenv reports; nothing when it keeps nothing.</summary>
internal static class ArtifactsYaml
{
    public static void Write(YamlEventWriter yaml, GitLabArtifacts? artifacts)
    {
        if (artifacts is null || artifacts.IsEmpty)
        {
            return;
        }

        yaml.Key("artifacts");
        yaml.BeginMapping();
        yaml.Text("expose_as", artifacts.ExposeAs);
        yaml.TextList("paths", artifacts.Paths);
        yaml.TextList("exclude", artifacts.Exclude);
        if (!artifacts.Reports.IsEmpty)
        {
            yaml.Key("reports");
            yaml.BeginMapping();
            yaml.TextList("junit", artifacts.Reports.Junit);
            yaml.TextList("dotenv", artifacts.Reports.Dotenv);
            yaml.EndMapping();
        }

        if (artifacts.When is { } when)
        {
            yaml.Text("when", GitLabKeywords.Of(when));
        }

        yaml.Text("expire_in", artifacts.ExpireIn);
        yaml.EndMapping();
    }
}
