using System.Text.RegularExpressions;
using GitOps.Platform.Environments;
using GitOps.Platform.Promotion;
using GitOps.Platform.Verification;

using static GitOps.Platform.Tests.Verification.FixtureVerification;

namespace GitOps.Platform.Tests.Verification;

/// <summary>
/// GO047 against real histories: a merge request that edits a promoted stage's parent file by hand moves its pair only
/// as OpenPromotionMR (to a pair the previous stage ran; for qa, the release entry) or Rollback (to a pair it ran) would.
/// The copy starts with qa at 1.4.2, qa-int at 1.4.1 and prod at 1.3.0, all pinned at the fixture's first commit, on
/// the local main (no origin: Verify compares with the local main, as offline).
/// </summary>
public sealed partial class PairFixtureTests
{
    private const string Qa = "environments/qa/app-of-apps-qa.yaml";
    private const string QaInt = "environments/qa-int/app-of-apps-qa-int.yaml";
    private const string Prod = "environments/prod/app-of-apps-prod.yaml";
    private const string Rollback = "returns only to a pair it ran";

    [Fact]
    public async Task GO047_prod_pinned_by_hand_to_an_older_commit_of_main_is_reported_at_its_pin()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        var older = await copy.CommitAsync("a configuration change");
        SetPair(copy, Qa, "1.4.2", older);
        SetPair(copy, QaInt, "1.4.2", older);
        await copy.CommitAsync("qa and qa-int run 1.4.2 at the change");
        var newer = await copy.CommitAsync("another configuration change");
        SetPair(copy, Qa, "1.4.2", newer);
        SetPair(copy, QaInt, "1.4.2", newer);
        SetPair(copy, Prod, "1.4.2", newer);
        var main = await copy.CommitAsync("every stage runs 1.4.2 at the second change");
        SetPair(copy, Prod, "1.4.2", older);

        var findings = await VerifyAsIsAsync(copy);

        findings.ShouldBe([new Finding(Prod, PinLine(copy, Prod), RuleIds.PairNotPromoted,
            $"prod-gcp moves from 1.4.2 at {newer[..12]} on the local branch main to 1.4.2 at {older[..12]}, an older revision than it runs there, which prod never ran; "
            + $"Rollback --stage prod --to <release> {Rollback}")], customMessage: $"main {main}\n" + string.Join('\n', findings));
    }

    [Fact]
    public async Task GO047_prod_pinned_by_hand_to_a_commit_no_stage_ran_is_reported_at_its_pin()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        var fixture = PinOf(copy, Prod);
        var unrun = await copy.CommitAsync("a configuration change nobody promoted");
        SetPair(copy, Prod, "1.3.0", unrun);

        var findings = await VerifyAsIsAsync(copy);

        findings.ShouldBe([new Finding(Prod, PinLine(copy, Prod), RuleIds.PairNotPromoted,
            $"prod-gcp moves from 1.3.0 at {fixture[..12]} on the local branch main to 1.3.0 at {unrun[..12]}, a pair qa-int never ran on the local branch main's first-parent line and prod never ran before; "
            + $"OpenPromotionMR --stage qa-int moves it to what qa-int ran, Rollback --stage prod --to <release> {Rollback}")], customMessage: string.Join('\n', findings));
    }

    [Fact]
    public async Task GO047_a_release_no_stage_ran_on_qa_int_is_reported_at_its_release()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        var fixture = PinOf(copy, QaInt);
        SetPair(copy, QaInt, "1.9.9", fixture);

        var findings = await VerifyAsIsAsync(copy);

        findings.ShouldBe([new Finding(QaInt, ReleaseLine(copy, QaInt), RuleIds.PairNotPromoted,
            $"qa-int-gcp moves from 1.4.1 at {fixture[..12]} on the local branch main to 1.9.9 at {fixture[..12]}, a pair qa never ran on the local branch main's first-parent line and qa-int never ran before; "
            + $"OpenPromotionMR --stage qa moves it to what qa ran, Rollback --stage qa-int --to <release> {Rollback}")], customMessage: string.Join('\n', findings));
    }

    [Fact]
    public async Task GO047_a_pair_quarantined_after_failing_on_qa_is_refused_on_qa_int_though_qa_ran_it()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        var fixture = PinOf(copy, QaInt);
        var entry = await copy.CommitAsync("the release entry's commit");
        SetPair(copy, Qa, "1.5.0", entry);
        await copy.CommitAsync("release entry: qa runs 1.5.0");
        copy.Write(RejectedReleases.RelativePath, RejectedReleases.Append(null, new RejectedRelease("1.5.0", "qa", "gcp", "2 of 9 tests failed", DateTimeOffset.UnixEpoch) { Revision = entry }));
        await copy.CommitAsync("quarantine 1.5.0 at the entry");
        SetPair(copy, QaInt, "1.5.0", entry);

        var findings = await VerifyAsIsAsync(copy);

        findings.ShouldBe([new Finding(QaInt, ReleaseLine(copy, QaInt), RuleIds.PairNotPromoted,
            $"qa-int-gcp moves from 1.4.1 at {fixture[..12]} on the local branch main to 1.5.0 at {entry[..12]}, which is quarantined ({RejectedReleases.RelativePath}: 2 of 9 tests failed on qa-gcp); "
            + "fix it in a new release, or lift the quarantine by merge request first")], customMessage: string.Join('\n', findings));
    }

    [Fact]
    public async Task A_promotion_merge_request_moving_qa_int_to_what_qa_runs_verifies_clean()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        var entry = await copy.CommitAsync("the release entry's commit");
        SetPair(copy, Qa, "1.5.0", entry);
        await copy.CommitAsync("release entry: qa runs 1.5.0");
        SetPair(copy, QaInt, "1.5.0", entry);

        (await VerifyAsIsAsync(copy)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_promotion_merge_request_opened_before_qa_moved_on_still_verifies_clean()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        var tested = await copy.CommitAsync("the pair qa tested");
        SetPair(copy, Qa, "1.5.0", tested);
        await copy.CommitAsync("release entry: qa runs 1.5.0");
        var next = await copy.CommitAsync("the next release's commit");
        SetPair(copy, Qa, "1.6.0", next);
        await copy.CommitAsync("release entry: qa runs 1.6.0");
        SetPair(copy, QaInt, "1.5.0", tested);

        (await VerifyAsIsAsync(copy)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_rollback_merge_request_returning_prod_to_a_pair_it_ran_verifies_clean()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        var fixture = PinOf(copy, Prod);
        var newer = await copy.CommitAsync("a configuration change");
        SetPair(copy, Qa, "1.4.2", newer);
        SetPair(copy, QaInt, "1.4.2", newer);
        SetPair(copy, Prod, "1.4.2", newer);
        await copy.CommitAsync("every stage runs 1.4.2 at the change");
        SetPair(copy, Prod, "1.3.0", fixture);

        (await VerifyAsIsAsync(copy)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("2.0.0")]
    [InlineData("1.4.2")]
    public async Task The_release_entry_may_move_qa_to_any_release_at_a_commit_of_main(string release)
    {
        using var copy = await RepositoryCopy.CreateAsync();
        var head = await copy.CommitAsync("main as the release is tagged");
        SetPair(copy, Qa, release, head);

        (await VerifyAsIsAsync(copy)).ShouldBeEmpty();
    }

    [Fact]
    public async Task GO047_compares_with_origins_main_where_the_quarantine_merged_after_the_branch_was_made()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        var entry = await copy.CommitAsync("the release entry's commit");
        SetPair(copy, Qa, "1.5.0", entry);
        await copy.CommitAsync("release entry: qa runs 1.5.0");
        var origin = await copy.AddOriginAsync();
        using (var elsewhere = await CloneAsync(copy, origin))
        {
            elsewhere.Write(RejectedReleases.RelativePath, RejectedReleases.Append(null, new RejectedRelease("1.5.0", "qa", "gcp", "smoke failed", DateTimeOffset.UnixEpoch)));
            await elsewhere.CommitAsync("quarantine 1.5.0");
            await elsewhere.GitAsync("push", "--quiet", "origin", "HEAD:main");
        }

        SetPair(copy, QaInt, "1.5.0", entry);

        var findings = await VerifyAsIsAsync(copy);

        findings.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            finding => finding.RuleId.ShouldBe(RuleIds.PairNotPromoted),
            finding => finding.Message.ShouldContain($"on origin/main to 1.5.0 at {entry[..12]}, which is quarantined"));
    }

    private static async Task<RepositoryCopy> CloneAsync(RepositoryCopy copy, string origin)
    {
        var clone = await RepositoryCopy.CreateAsync();
        await clone.GitAsync("remote", "add", "origin", origin);
        await clone.GitAsync("fetch", "--quiet", "origin");
        await clone.GitAsync("reset", "--quiet", "--hard", "origin/main");
        return clone;
    }

    private static string PinOf(RepositoryCopy copy, string file) => ConfigurationPins.Parse(copy.Read(file), file, StageOf(file)).Sha;

    private static int PinLine(RepositoryCopy copy, string file) => ConfigurationPins.Parse(copy.Read(file), file, StageOf(file)).Line;

    private static int ReleaseLine(RepositoryCopy copy, string file) => copy.LineOf(file, "- name: deployedRelease") + 1;

    private static Stage StageOf(string file) => EnvironmentNames.ParseStage(file.Split('/')[1]);

    /// <summary>Writes the stage's release and pin as a promotion merge request (or a hand edit) would.</summary>
    private static void SetPair(RepositoryCopy copy, string file, string release, string sha)
    {
        var text = copy.Read(file);
        ReleaseValue().IsMatch(text).ShouldBeTrue(file);
        copy.Write(file, ConfigurationPins.WithPin(ReleaseValue().Replace(text, $"${{head}}\"{release}\""), file, sha));
    }

    [GeneratedRegex("(?<head>- name: deployedRelease\\n\\s+value: )\"[^\"]*\"")]
    private static partial Regex ReleaseValue();
}
