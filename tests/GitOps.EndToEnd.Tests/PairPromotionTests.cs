using GitOps.EndToEnd.Tests.Support;

namespace GitOps.EndToEnd.Tests;

/// <summary>
/// Issue 11's "Done when", as a user and the pipeline would do it: ./build.sh against a bare origin and the fake GitLab,
/// each merge request merged there by hand. A chart change on main reaches dev and nightly at once and each promoted
/// stage only when the merge request moving its pin is merged; prod's rollback returns its release and its pin.
/// </summary>
[Collection(SharedClone.Name)]
public sealed class PairPromotionTests(FreshClone clone)
{
    private const string Template = "charts/app-of-apps/templates/platform-applications.yaml";
    private const string Change = "revisionHistoryLimit: 7";

    [Fact]
    public async Task A_chart_change_reaches_each_promoted_stage_exactly_when_its_promotion_mr_merges_and_rollback_returns_both()
    {
        await using var sandbox = await PromotionSandbox.CreateAsync(clone, "1.4.2");
        var stages = new[] { "dev", "nightly", "qa", "qa-int", "prod" };
        var before = stages.ToDictionary(stage => stage, sandbox.ArgoRendered);
        // What the build itself shows a stage runs (Render), beside what Argo CD would render.
        var renderedBefore = stages.ToDictionary(stage => stage, sandbox.Rendered);
        var prodPin = Pin(sandbox, "prod");
        var prodValues = File.ReadAllText(Path.Combine(sandbox.Root, "environments/prod/values-prod-gcp.yaml"));

        // 1. A template change lands on main.
        var template = Path.Combine(sandbox.Root, Template);
        File.WriteAllText(template, File.ReadAllText(template).Replace("  project: {{ $.Values.project }}\n", $"  project: {{{{ $.Values.project }}}}\n  {Change}\n", StringComparison.Ordinal));
        var change = sandbox.CommitToMain("Platform Applications keep 7 revisions");
        foreach (var stage in new[] { "qa", "qa-int", "prod" })
        {
            sandbox.ArgoRendered(stage).ShouldBe(before[stage], $"{stage} is pinned: a change on main must not reach it");
            sandbox.Rendered(stage).ShouldBe(renderedBefore[stage], $"Render shows {stage} at its pin");
        }

        foreach (var stage in new[] { "dev", "nightly" })
        {
            sandbox.ArgoRendered(stage).ShouldContain(Change, customMessage: $"{stage} follows main");
            sandbox.Rendered(stage).ShouldContain(Change, customMessage: $"Render shows {stage} following main");
        }

        // 2. dev -> qa: the release entry moves qa's release and pins it to main as it is now.
        var entry = sandbox.Build("OpenPromotionMR", "--version", "1.5.0");
        entry.ExitCode.ShouldBe(0, entry.Output + entry.Error);
        var toQa = sandbox.GitLab.MergeRequests.ShouldHaveSingleItem();
        toQa.Title.ShouldBe($"Promote 1.5.0 at {change[..12]} to qa");
        ShowsTheChange(toQa.Description, "qa-gcp", change);
        sandbox.ArgoRendered("qa").ShouldBe(before["qa"], "nothing reaches qa before its MR is merged");
        sandbox.Rendered("qa").ShouldBe(renderedBefore["qa"]);
        sandbox.Merge(toQa);
        sandbox.ArgoRendered("qa").ShouldContain(Change);
        sandbox.Rendered("qa").ShouldContain(Change);
        Pin(sandbox, "qa").ShouldBe(change);

        // qa never ran this pair's e2e: no promotion, nothing pushed.
        var branches = sandbox.OriginBranches();
        var untested = sandbox.Build("OpenPromotionMR", "--stage", "qa", "--cloud", "gcp", "--skip", "RunE2E");
        untested.ExitCode.ShouldBe(1, untested.Output + untested.Error);
        untested.Output.ShouldContain($"Not promoting qa -> qa-int: qa-gcp has no e2e record for the pair 1.5.0 at {change[..12]}");
        sandbox.OriginBranches().ShouldBe(branches, ignoreOrder: true);

        // 3. qa -> qa-int after e2e on qa passed for the pair Argo CD reports.
        sandbox.EnvironmentRelease = "1.5.0";
        var toQaInt = PromoteAfterE2e(sandbox, "qa", change);
        toQaInt.Title.ShouldBe($"Promote 1.5.0 at {change[..12]} to qa-int");
        ShowsTheChange(toQaInt.Description, "qa-int-gcp", change);
        toQaInt.Description.ShouldContain($"- **qa-gcp** `1.5.0 at {change[..12]}` passed");
        sandbox.ArgoRendered("qa-int").ShouldBe(before["qa-int"]);
        sandbox.Rendered("qa-int").ShouldBe(renderedBefore["qa-int"]);
        sandbox.Merge(toQaInt);
        sandbox.ArgoRendered("qa-int").ShouldContain(Change);
        sandbox.Rendered("qa-int").ShouldContain(Change);

        // 4. qa-int -> prod, opened by hand and merged by a code owner.
        var toProd = PromoteAfterE2e(sandbox, "qa-int", change);
        toProd.Title.ShouldBe($"Promote 1.5.0 at {change[..12]} to prod");
        ShowsTheChange(toProd.Description, "prod-gcp", change);
        toProd.Description.ShouldContain("**Production.**");
        sandbox.ArgoRendered("prod").ShouldBe(before["prod"]);
        sandbox.Rendered("prod").ShouldBe(renderedBefore["prod"]);
        sandbox.Merge(toProd);
        var promoted = sandbox.ArgoRendered("prod");
        promoted.ShouldContain(Change);
        sandbox.Rendered("prod").ShouldContain(Change);
        Pin(sandbox, "prod").ShouldBe(change);

        // 5. Roll prod back: the release and the configuration return.
        var rollback = sandbox.Build("Rollback", "--stage", "prod", "--to", "1.3.0");
        rollback.ExitCode.ShouldBe(0, rollback.Output + rollback.Error);
        var back = sandbox.GitLab.MergeRequests.Single(request => request.SourceBranch.StartsWith("rollback/", StringComparison.Ordinal));
        back.Title.ShouldBe($"Roll back prod to 1.3.0 at {prodPin[..12]}");
        back.Description.ShouldContain("### Commits taken out");
        back.Description.Split('\n').ShouldContain(line => line.StartsWith('-') && line.Contains(Change, StringComparison.Ordinal));
        sandbox.ArgoRendered("prod").ShouldBe(promoted, "a rollback too takes effect only on merge");
        sandbox.Merge(back);
        Pin(sandbox, "prod").ShouldBe(prodPin);
        File.ReadAllText(Path.Combine(sandbox.Root, "environments/prod/values-prod-gcp.yaml")).ShouldBe(prodValues);
        sandbox.ArgoRendered("prod").ShouldBe(before["prod"]);
        sandbox.Rendered("prod").ShouldBe(renderedBefore["prod"], "Render shows prod back at its old pair");
    }

    /// <summary>
    /// Review F2: "Promote 1.4.2 at B to qa" keeps the release and moves the pin. Rollback --to 1.4.2 used to find qa
    /// already at 1.4.2 and report success having done nothing; it now goes back to the earlier pair with that release,
    /// RELEASE@SHA names a pair exactly, and a rollback that would change nothing exits 2.
    /// </summary>
    [Fact]
    public async Task A_configuration_only_promotion_is_rolled_back_and_a_rollback_that_changes_nothing_exits_2()
    {
        await using var sandbox = await PromotionSandbox.CreateAsync(clone, "1.4.2");
        var first = Pin(sandbox, "qa");
        var before = sandbox.ArgoRendered("qa");
        var template = Path.Combine(sandbox.Root, Template);
        File.WriteAllText(template, File.ReadAllText(template).Replace("  project: {{ $.Values.project }}\n", $"  project: {{{{ $.Values.project }}}}\n  {Change}\n", StringComparison.Ordinal));
        var change = sandbox.CommitToMain("Platform Applications keep 7 revisions");

        var entry = sandbox.Build("OpenPromotionMR", "--version", "1.4.2");
        entry.ExitCode.ShouldBe(0, entry.Output + entry.Error);
        var toQa = sandbox.GitLab.MergeRequests.ShouldHaveSingleItem();
        toQa.Title.ShouldBe($"Promote 1.4.2 at {change[..12]} to qa");
        toQa.Description.ShouldStartWith($"Moves **qa** to configuration revision `{change}` from main (a configuration-only entry); its release `1.4.2` stays.");
        toQa.Description.ShouldNotContain("new platform release");
        sandbox.Merge(toQa);
        Pin(sandbox, "qa").ShouldBe(change);
        var moved = sandbox.ArgoRendered("qa");

        // The pair qa runs now: nothing to change, so no success and no MR.
        var same = sandbox.Build("Rollback", "--stage", "qa", "--to", $"1.4.2@{change}");
        same.ExitCode.ShouldBe(2, same.Output + same.Error);
        same.Output.ShouldContain($"Not rolling back qa: it already runs 1.4.2 at {change[..12]}, so --to 1.4.2@{change} changes nothing");
        same.Output.ShouldNotContain("Rollback Succeeded");

        // A pair qa never ran (main's merge commit was never a pin).
        var merge = sandbox.Git("rev-parse", "HEAD").Trim();
        var never = sandbox.Build("Rollback", "--stage", "qa", "--to", $"1.4.2@{merge}");
        never.ExitCode.ShouldBe(2, never.Output + never.Error);
        never.Output.ShouldContain($"Cannot roll back qa to 1.4.2@{merge}: on main's first-parent line environments/qa/app-of-apps-qa.yaml never held that pair");
        var shortSha = sandbox.Build("Rollback", "--stage", "qa", "--to", $"1.4.2@{first[..12]}");
        shortSha.ExitCode.ShouldBe(2, shortSha.Output + shortSha.Error);
        shortSha.Error.ShouldContain($"--to: '{first[..12]}' after '@' is not a full commit SHA");
        sandbox.GitLab.MergeRequests.Count.ShouldBe(1, "a refused rollback opens nothing");

        // The release alone goes back to the newest earlier pair with it: the configuration returns.
        var rollback = sandbox.Build("Rollback", "--stage", "qa", "--to", "1.4.2");
        rollback.ExitCode.ShouldBe(0, rollback.Output + rollback.Error);
        var back = sandbox.GitLab.MergeRequests.Single(request => request.SourceBranch.StartsWith("rollback/", StringComparison.Ordinal));
        back.Title.ShouldBe($"Roll back qa to 1.4.2 at {first[..12]}");
        back.Description.ShouldStartWith($"Moves **qa** to configuration revision `{first}` back to a pair it ran before; its release `1.4.2` stays.");
        sandbox.ArgoRendered("qa").ShouldBe(moved, "a rollback takes effect only on merge");
        sandbox.Merge(back);
        Pin(sandbox, "qa").ShouldBe(first);
        sandbox.ArgoRendered("qa").ShouldBe(before);
    }

    [Fact]
    public async Task RunE2E_tests_the_portal_of_the_values_file_at_the_pin_not_the_working_trees()
    {
        await using var sandbox = await PromotionSandbox.CreateAsync(clone, "1.4.2");
        const string QaValues = "environments/qa/values-qa-gcp.yaml";
        const string QaParent = "environments/qa/app-of-apps-qa.yaml";
        const string Host = "host: portal.qa.gcp.eurodat.example";
        var values = Path.Combine(sandbox.Root, QaValues);
        var parent = Path.Combine(sandbox.Root, QaParent);
        var original = File.ReadAllText(values);
        original.ShouldContain(Host);

        // qa runs a commit whose values file names the loopback environment; main has since moved the host elsewhere.
        File.WriteAllText(values, original.Replace(Host, $"host: {sandbox.EnvironmentUrl}", StringComparison.Ordinal));
        var pinned = sandbox.CommitToMain("qa's portal answers on loopback");
        File.WriteAllText(parent, File.ReadAllText(parent).Replace(Pin(sandbox, "qa"), pinned, StringComparison.Ordinal));
        File.WriteAllText(values, original.Replace(Host, "host: http://127.0.0.1:9", StringComparison.Ordinal));
        sandbox.CommitToMain("qa pinned at it; main's qa values point nowhere");

        var e2e = sandbox.Build(new Dictionary<string, string?> { ["RELEASE"] = "1.4.2", ["REVISION"] = pinned }, "RunE2E", "--stage", "qa", "--cloud", "gcp");

        e2e.ExitCode.ShouldBe(0, e2e.Output + e2e.Error);
        e2e.Output.ShouldNotContain("127.0.0.1:9");
    }

    /// <summary>
    /// RunE2E as the PostSync pipeline runs it, with RELEASE and REVISION as the stage's hook Job posts them (Argo CD
    /// substituting $ARGOCD_APP_REVISION), then OpenPromotionMR; returns the new MR.
    /// </summary>
    private static GitOps.TestDoubles.GitLab.FakeMergeRequest PromoteAfterE2e(PromotionSandbox sandbox, string stage, string revision)
    {
        var posted = sandbox.HookPosts(stage, "REVISION");
        posted.ShouldBe(revision, $"{stage}'s hook posts the commit Argo CD synced, so RunE2E checks the pair");
        var trigger = new Dictionary<string, string?> { ["RELEASE"] = sandbox.EnvironmentRelease, ["REVISION"] = posted };
        var e2e = sandbox.Build(trigger, "RunE2E", "--stage", stage, "--cloud", "gcp", "--e2e-base-url", sandbox.EnvironmentUrl);
        e2e.ExitCode.ShouldBe(0, e2e.Output + e2e.Error);
        var known = sandbox.GitLab.MergeRequests.Select(request => request.Iid).ToHashSet();
        var promotion = sandbox.Build("OpenPromotionMR", "--stage", stage, "--cloud", "gcp", "--skip", "RunE2E");
        promotion.ExitCode.ShouldBe(0, promotion.Output + promotion.Error);
        return sandbox.GitLab.MergeRequests.Single(request => !known.Contains(request.Iid));
    }

    /// <summary>The MR shows the template change in the rendered diff and names the commit that made it.</summary>
    private static void ShowsTheChange(string description, string environment, string change)
    {
        var rendered = description[description.IndexOf("### Rendered manifest diff", StringComparison.Ordinal)..];
        rendered.ShouldContain($"--- {environment} (before)");
        rendered.Split('\n').ShouldContain(line => line.StartsWith('+') && line.Contains(Change, StringComparison.Ordinal));
        description.ShouldContain($"`{change[..12]}` Platform Applications keep 7 revisions");
    }

    private static string Pin(PromotionSandbox sandbox, string stage) =>
        File.ReadLines(Path.Combine(sandbox.Root, $"environments/{stage}/app-of-apps-{stage}.yaml"))
            .Select(line => line.Trim())
            .First(line => line.StartsWith("targetRevision:", StringComparison.Ordinal) && !line.EndsWith("main", StringComparison.Ordinal))["targetRevision:".Length..].Trim();
}
