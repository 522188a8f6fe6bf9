using GitOps.Platform.Environments.Yaml;
using YamlDotNet.RepresentationModel;

namespace GitOps.Platform.Environments.Loading;

/// <summary>Reads the <c>promotions</c> list; <see cref="PromotionOrderCheck"/> then checks it forms one chain.</summary>
internal sealed class PromotionReader(CatalogErrors errors, IReadOnlyDictionary<Stage, StageDefinition> stages)
{
    private static readonly string[] PromotionKeys = ["from", "to", "trigger"];

    public List<Promotion> Read(YamlNode? key, YamlNode? list)
    {
        if (list is not YamlSequenceNode sequence)
        {
            errors.Add(key?.Line() ?? 1, "'promotions' must be a list of {from, to, trigger}");
            return [];
        }

        var promotions = new List<(Promotion Promotion, int Line)>();
        foreach (var item in sequence.Children)
        {
            if (Read(item) is { } promotion)
            {
                promotions.Add((promotion, item.Line()));
            }
        }

        new PromotionOrderCheck(errors, stages).Check(promotions);
        return [.. promotions.Select(entry => entry.Promotion)];
    }

    private Promotion? Read(YamlNode item)
    {
        if (item is not YamlMappingNode promotion)
        {
            errors.Add(item, "a promotion must be a mapping with from, to and trigger");
            return null;
        }

        errors.RejectUnknownKeys(promotion, "a promotion", PromotionKeys);
        var from = ReadStage(promotion, "from");
        var to = ReadStage(promotion, "to");
        var triggerNode = promotion.Child("trigger");
        if (!EnvironmentNames.TryParse<PromotionTrigger>(triggerNode.Text(), out var trigger))
        {
            var allowed = string.Join(", ", Enum.GetValues<PromotionTrigger>().Select(EnvironmentNames.Kebab));
            errors.Add(triggerNode ?? promotion, $"'trigger' must be one of {allowed}, not '{triggerNode.Text()}'");
            trigger = PromotionTrigger.Manual; // still checked as part of the order, so a bad trigger is no gap too
        }

        return from is { } source && to is { } target ? new Promotion(source, target, trigger) : null;
    }

    private Stage? ReadStage(YamlMappingNode promotion, string key)
    {
        var node = promotion.Child(key);
        if (!EnvironmentNames.TryParseStage(node.Text(), out var stage))
        {
            errors.Add(node ?? promotion, node is null
                ? $"promotion without '{key}'"
                : $"unknown stage '{node.Text()}' in '{key}'; allowed: {string.Join(", ", EnvironmentNames.StageNames)}");
            return null;
        }

        if (stages.TryGetValue(stage, out var definition) && definition.OutsidePromotions)
        {
            errors.Add(node!, $"stage '{stage.ToName()}' is outside promotions (outsidePromotions: true) and cannot appear in '{key}'");
            return null;
        }

        return stage;
    }
}
