using System.Text;

namespace GitOps.Platform.Promotion;

/// <summary>The merge request description: versions, compare link, e2e evidence, warnings, rendered diff.</summary>
internal static class PromotionDescription
{
    public static string Render(PromotionPlan plan)
    {
        var text = new StringBuilder();
        var origin = plan.Kind switch
        {
            PromotionKind.Promotion => $"from **{plan.FromStage}**",
            PromotionKind.Release => "from a new platform release",
            _ => "back to a version it ran before",
        };
        text.Append("Moves **").Append(plan.ToStage).Append("** to release `").Append(plan.Version).Append("` ").Append(origin).Append(".\n\n");
        text.Append("| values file | cloud | from | to |\n|---|---|---|---|\n");
        foreach (var edit in plan.Edits)
        {
            text.Append($"| `{edit.Path}` | {edit.Cloud} | `{edit.PreviousVersion}` | `{edit.NewVersion}` |\n");
        }

        text.Append("\nCompare: ").Append(plan.CompareUrl ?? "(compare link not available)").Append('\n');
        if (plan.RequiresCodeOwnerApproval)
        {
            text.Append("\n> **Production.** Never merged automatically: a code owner of the prod environment files must approve.\n");
        }

        foreach (var warning in plan.Warnings)
        {
            text.Append("\n> :warning: ").Append(warning).Append('\n');
        }

        AppendEvidence(text, plan);
        text.Append("\n### Rendered manifest diff\n\n");
        text.Append(string.IsNullOrEmpty(plan.RenderedDiff) ? "_Not rendered._\n" : $"```diff\n{plan.RenderedDiff.TrimEnd('\n')}\n```\n");
        return text.ToString();
    }

    private static void AppendEvidence(StringBuilder text, PromotionPlan plan)
    {
        if (plan.Kind != PromotionKind.Promotion)
        {
            return;
        }

        text.Append("\n### E2e tests on ").Append(plan.FromStage).Append("\n\n");
        if (plan.Evidence.Count == 0)
        {
            text.Append("_No e2e record._\n");
        }

        foreach (var record in plan.Evidence)
        {
            text.Append($"- **{record.Environment}** `{record.Version}` {record.Summary} ({record.Timestamp:u})\n");
        }
    }
}
