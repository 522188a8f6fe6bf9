namespace GitOps.Platform.Environments.Loading;

/// <summary>
/// The promotions must chain every stage that takes part in them into one line (dev -> qa -> qa-int -> prod):
/// no stage promoting to two stages or promoted to from two, no cycle, no gap.
/// </summary>
internal sealed class PromotionOrderCheck(CatalogErrors errors, IReadOnlyDictionary<Stage, StageDefinition> stages)
{
    public void Check(IReadOnlyList<(Promotion Promotion, int Line)> promotions)
    {
        var next = new Dictionary<Stage, (Stage To, int Line)>();
        var previous = new Dictionary<Stage, (Stage From, int Line)>();
        foreach (var (promotion, line) in promotions)
        {
            if (next.TryGetValue(promotion.From, out var existing))
            {
                errors.Add(line, $"stage '{promotion.From.ToName()}' already promotes to '{existing.To.ToName()}' (line {existing.Line}); the promotion order must be a single chain");
            }
            else if (previous.TryGetValue(promotion.To, out var earlier))
            {
                errors.Add(line, $"stage '{promotion.To.ToName()}' is already promoted to from '{earlier.From.ToName()}' (line {earlier.Line}); the promotion order must be a single chain");
            }
            else
            {
                next.Add(promotion.From, (promotion.To, line));
                previous.Add(promotion.To, (promotion.From, line));
            }
        }

        if (!ReportCycles(next))
        {
            ReportGaps(next, previous);
        }
    }

    private bool ReportCycles(Dictionary<Stage, (Stage To, int Line)> next)
    {
        var reported = new HashSet<Stage>();
        foreach (var start in next.Keys.OrderBy(stage => next[stage].Line))
        {
            var path = new List<Stage> { start };
            for (var current = start; next.TryGetValue(current, out var step) && !reported.Contains(start); current = step.To)
            {
                if (step.To == start)
                {
                    // Reported at the cycle's last-declared promotion: usually the one just added.
                    var line = path.Max(stage => next[stage].Line);
                    path.Add(start);
                    errors.Add(line, $"the promotion order has a cycle: {string.Join(" -> ", path.Select(EnvironmentNames.ToName))}");
                    reported.UnionWith(path);
                    break;
                }

                if (path.Contains(step.To))
                {
                    break;
                }

                path.Add(step.To);
            }
        }

        return reported.Count > 0;
    }

    private void ReportGaps(Dictionary<Stage, (Stage To, int Line)> next, Dictionary<Stage, (Stage From, int Line)> previous)
    {
        var heads = stages.Values
            .Where(definition => !definition.OutsidePromotions && !previous.ContainsKey(definition.Stage))
            .OrderBy(definition => definition.Line)
            .ToList();
        if (heads.Count <= 1)
        {
            return;
        }

        var chains = heads.Select(head => Chain(head.Stage, next)).ToList();
        var described = string.Join(" and ", chains.Select(chain => string.Join(" -> ", chain.Select(EnvironmentNames.ToName))));
        foreach (var head in heads.Skip(1))
        {
            errors.Add(head.Line, $"gap in the promotion order: no stage promotes to '{head.Stage.ToName()}' (chains: {described}); add a promotion or mark the stage outsidePromotions: true");
        }
    }

    private static List<Stage> Chain(Stage head, Dictionary<Stage, (Stage To, int Line)> next)
    {
        var chain = new List<Stage> { head };
        while (next.TryGetValue(chain[^1], out var step) && !chain.Contains(step.To))
        {
            chain.Add(step.To);
        }

        return chain;
    }
}
