using System.Text;
using GitOps.Platform.Promotion.Pins;

namespace GitOps.Platform.Promotion;

/// <summary>
/// The merge request description: the pair (release and configuration revision) before and after, the commits between
/// the revisions, the compare link, e2e evidence, warnings, and the rendered diff of the whole effect on the stage.
/// </summary>
internal static class PromotionDescription
{
    public static string Render(PromotionPlan plan)
    {
        var text = new StringBuilder();
        // Say what moves: a configuration-only entry or rollback keeps the release, and must not read as a new one.
        var releaseMoves = plan.Edits.Count > 0;
        var origin = plan.Kind switch
        {
            PromotionKind.Promotion => $"from **{plan.FromStage}**",
            PromotionKind.Release when releaseMoves => "from a new platform release",
            PromotionKind.Release => "from main (a configuration-only entry)",
            _ => "back to a pair it ran before",
        };
        if (!releaseMoves && plan.Revision is { } moved)
        {
            text.Append("Moves **").Append(plan.ToStage).Append("** to configuration revision `").Append(moved).Append("` ").Append(origin)
                .Append("; its release `").Append(plan.Version).Append("` stays.\n\n");
        }
        else
        {
            text.Append("Moves **").Append(plan.ToStage).Append("** to release `").Append(plan.Version).Append('`');
            if (plan.Revision is { } revision)
            {
                text.Append(" with configuration revision `").Append(revision).Append('`');
            }

            text.Append(' ').Append(origin).Append(".\n\n");
        }

        text.Append("| file | cloud | from | to |\n|---|---|---|---|\n");
        foreach (var edit in plan.Edits)
        {
            text.Append($"| `{edit.Path}` | {edit.Cloud} | `{edit.PreviousVersion}` | `{edit.NewVersion}` |\n");
        }

        if (plan.PinEdit is { } pin)
        {
            text.Append($"| `{pin.Path}` (chart pin) | all | `{pin.PreviousRevision}` | `{pin.NewRevision}` |\n");
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
        AppendCommits(text, plan);
        text.Append("\n### Rendered manifest diff\n\n");
        if (plan.PinEdit is not null)
        {
            text.Append("Before: the chart at the previous revision with the values as they are; after: the chart at the new revision with the values as this MR leaves them.\n\n");
        }

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
            text.Append($"- **{record.Environment}** `{record.Tested}` {record.Summary} ({record.Timestamp:u})\n");
        }
    }

    private static void AppendCommits(StringBuilder text, PromotionPlan plan)
    {
        if (plan.Commits is not { } range)
        {
            return;
        }

        var direction = range.Backwards ? "taken out (the stage goes back past them)" : "brought in";
        text.Append("\n### Commits ").Append(direction).Append(": `").Append(CommitRevision.Abbreviate(range.From)).Append("` -> `")
            .Append(CommitRevision.Abbreviate(range.To)).Append("`\n\n");
        if (range.CompareUrl is { } compare)
        {
            text.Append("Compare: ").Append(compare).Append("\n\n");
        }

        if (range.Commits.Count == 0)
        {
            text.Append("_No commits between the revisions._\n");
        }

        foreach (var commit in range.Commits)
        {
            var sha = CommitRevision.Abbreviate(commit.Sha);
            text.Append("- ").Append(commit.Url is { } url ? $"[`{sha}`]({url})" : $"`{sha}`").Append(' ').Append(commit.Subject).Append('\n');
        }

        if (range.Omitted > 0)
        {
            text.Append($"- ... and {range.Omitted} more\n");
        }
    }
}
