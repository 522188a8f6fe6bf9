namespace GitOps.Targets.GitLabCi.Yaml;

/// <summary>Writes <c>cache:</c>: one cache as a mapping, several as a list of mappings.</summary>
internal static class CacheYaml
{
    public static void Write(YamlEventWriter yaml, IReadOnlyList<GitLabCache> caches)
    {
        if (caches.Count == 0)
        {
            return;
        }

        yaml.Key("cache");
        if (caches.Count == 1)
        {
            WriteOne(yaml, caches[0]);
            return;
        }

        yaml.BeginSequence();
        foreach (var cache in caches)
        {
            WriteOne(yaml, cache);
        }

        yaml.EndSequence();
    }

    private static void WriteOne(YamlEventWriter yaml, GitLabCache cache)
    {
        yaml.BeginMapping();
        if (cache.KeyFiles.Count > 0)
        {
            yaml.Key("key");
            yaml.BeginMapping();
            yaml.TextList("files", cache.KeyFiles);
            yaml.EndMapping();
        }
        else
        {
            yaml.Text("key", cache.Key);
        }

        yaml.TextList("paths", cache.Paths);
        if (cache.Policy is { } policy)
        {
            yaml.Text("policy", GitLabKeywords.Of(policy));
        }

        yaml.EndMapping();
    }
}
