using GitOps.Platform.Environments.Yaml;
using YamlDotNet.RepresentationModel;

namespace GitOps.Platform.Environments.Loading;

/// <summary>Reads the <c>stages</c> list and checks it declares each <see cref="Stage"/> exactly once.</summary>
internal sealed class StageReader(CatalogErrors errors)
{
    private static readonly string[] StageKeys = ["name", "clouds", "managementCloud", "deployedRelease", "outsidePromotions"];

    public Dictionary<Stage, StageDefinition> Read(YamlNode? key, YamlNode? list)
    {
        var stages = new Dictionary<Stage, StageDefinition>();
        if (list is not YamlSequenceNode sequence)
        {
            errors.Add(key?.Line() ?? 1, "'stages' must be a list of stages");
            return stages;
        }

        // A stage with a bad field still counts as declared, so one typo is not also reported as a missing stage.
        var declared = new Dictionary<Stage, int>();
        foreach (var item in sequence.Children)
        {
            var (name, line, definition) = Read(item);
            if (name is not { } stage)
            {
                continue;
            }

            if (declared.TryGetValue(stage, out var first))
            {
                errors.Add(line, $"stage '{stage.ToName()}' is declared twice (first at line {first})");
                continue;
            }

            declared.Add(stage, line);
            if (definition is not null)
            {
                stages.Add(stage, definition);
            }
        }

        foreach (var missing in Enum.GetValues<Stage>().Where(stage => !declared.ContainsKey(stage)))
        {
            errors.Add(key!, $"stage '{missing.ToName()}' is missing; the catalog must declare every stage: {string.Join(", ", EnvironmentNames.StageNames)}");
        }

        return stages;
    }

    private (Stage? Name, int Line, StageDefinition? Definition) Read(YamlNode item)
    {
        if (item is not YamlMappingNode stage)
        {
            errors.Add(item, "a stage must be a mapping with name, clouds, managementCloud and deployedRelease");
            return (null, 0, null);
        }

        errors.RejectUnknownKeys(stage, "a stage", StageKeys);
        var nameNode = stage.Child("name");
        if (!EnvironmentNames.TryParseStage(nameNode.Text(), out var name))
        {
            errors.Add(nameNode ?? stage, nameNode is null
                ? "stage without 'name'"
                : $"unknown stage '{nameNode.Text()}'; allowed: {string.Join(", ", EnvironmentNames.StageNames)}");
            return (null, 0, null);
        }

        var clouds = ReadClouds(stage);
        var managementCloud = ReadCloud(stage, "managementCloud");
        var release = ReadRelease(stage);
        var outside = ReadFlag(stage, "outsidePromotions");
        var line = nameNode!.Line();
        return clouds is null || managementCloud is null || release is null || outside is null
            ? (name, line, null)
            : (name, line, new StageDefinition(name, clouds, managementCloud.Value, release.Value, outside.Value, line));
    }

    private List<Cloud>? ReadClouds(YamlMappingNode stage)
    {
        if (stage.Child("clouds") is not YamlSequenceNode { Children.Count: > 0 } list)
        {
            errors.Add(stage.KeyNode("clouds") ?? (YamlNode)stage, $"'clouds' must be a non-empty list of: {string.Join(", ", EnvironmentNames.CloudNames)}");
            return null;
        }

        var clouds = new List<Cloud>();
        foreach (var item in list.Children)
        {
            if (!EnvironmentNames.TryParseCloud(item.Text(), out var cloud))
            {
                errors.Add(item, $"unknown cloud '{item.Text()}'; allowed: {string.Join(", ", EnvironmentNames.CloudNames)}");
            }
            else if (clouds.Contains(cloud))
            {
                errors.Add(item, $"cloud '{item.Text()}' is listed twice");
            }
            else
            {
                clouds.Add(cloud);
            }
        }

        return clouds.Count == list.Children.Count ? clouds : null;
    }

    private Cloud? ReadCloud(YamlMappingNode stage, string key)
    {
        var node = stage.Child(key);
        if (EnvironmentNames.TryParseCloud(node.Text(), out var cloud))
        {
            return cloud;
        }

        errors.Add(node ?? stage, node is null
            ? $"stage without '{key}'"
            : $"unknown cloud '{node.Text()}' in {key}; allowed: {string.Join(", ", EnvironmentNames.CloudNames)}");
        return null;
    }

    private DeployedReleaseKind? ReadRelease(YamlMappingNode stage)
    {
        var node = stage.Child("deployedRelease");
        switch (node.Text())
        {
            case "semver":
                return DeployedReleaseKind.SemVer;
            case "branch":
                return DeployedReleaseKind.Branch;
        }

        errors.Add(node ?? stage, $"'deployedRelease' must be semver (a released version) or branch (follows a branch), not '{node.Text()}'");
        return null;
    }

    private bool? ReadFlag(YamlMappingNode stage, string key)
    {
        var node = stage.Child(key);
        if (node is null)
        {
            return false;
        }

        if (bool.TryParse(node.Text(), out var flag))
        {
            return flag;
        }

        errors.Add(node, $"'{key}' must be true or false, not '{node.Text()}'");
        return null;
    }
}
