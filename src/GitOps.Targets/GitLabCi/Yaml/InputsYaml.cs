namespace GitOps.Targets.GitLabCi.Yaml;

/// <summary>The <c>spec:inputs</c> header: a YAML document of its own, which GitLab reads before the configuration after <c>---</c>.</summary>
internal static class InputsYaml
{
    public static void Write(YamlEventWriter yaml, IReadOnlyList<GitLabInput> inputs)
    {
        yaml.BeginMapping();
        yaml.Key("spec");
        yaml.BeginMapping();
        yaml.Key("inputs");
        yaml.BeginMapping();
        foreach (var input in inputs)
        {
            yaml.Key(input.Name);
            yaml.BeginMapping();
            yaml.Text("description", input.Description);
            yaml.Key("default");
            yaml.Text(input.Default);
            yaml.TextList("options", input.Options);
            if (input.Regex is { } regex)
            {
                yaml.Key("regex");
                yaml.Expression(regex);
            }

            yaml.EndMapping();
        }

        yaml.EndMapping();
        yaml.EndMapping();
        yaml.EndMapping();
    }
}
