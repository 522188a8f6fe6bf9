using System.Text;
using GitOps.Platform.Environments;
using GitOps.Platform.Verification;

using static GitOps.Platform.Tests.Verification.FixtureVerification;

namespace GitOps.Platform.Tests.Verification;

/// <summary>
/// What helm and Argo CD would reject although it looks fine to a YAML reader: one broken copy of the repository per
/// case, and Verify must name the rule, the file and the line.
/// </summary>
public sealed class RejectionFixtureTests
{
    private const string QaValues = "environments/qa/values-qa-gcp.yaml";
    private const string ProdValues = "environments/prod/values-prod-gcp.yaml";
    private const string ArgoCdValues = "environments/argocd/argocd-values.yaml";
    private const string QaAppOfApps = "environments/qa/app-of-apps-qa.yaml";
    private const string Platform = "charts/app-of-apps/templates/platform-applications.yaml";
    private const string Job = "charts/app-of-apps/templates/e2e-trigger-job.yaml";
    private const string SecretValueRuleAdvice = "secrets come from Vault: write an argocd-vault-plugin placeholder such as <path:eurodat/data/<stage>/<component>#<key>>, or reference a Secret";

    [Fact]
    public async Task GO019_invalid_utf8_in_a_values_file_is_reported_at_its_line()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        var text = copy.Read(QaValues);
        var next = text.IndexOf('\n', text.IndexOf("region:", StringComparison.Ordinal)) + 1;
        var line = copy.LineOf(QaValues, "region:") + 1;
        File.WriteAllBytes(copy.PathOf(QaValues), [.. Encoding.UTF8.GetBytes(text[..next]), .. "  # caf"u8, 0xE9, (byte)'\n', .. Encoding.UTF8.GetBytes(text[next..])]);

        var findings = await VerifyAsync(copy);

        findings.ShouldBe([new Finding(QaValues, line, RuleIds.YamlUnreadable, "helm refuses this file: invalid UTF-8 (byte 0xE9); save it as UTF-8")]);
    }

    [Fact]
    public async Task GO019_a_standard_tag_helm_cannot_decode_is_reported_at_its_value()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Replace(QaValues, "storageClass: standard-rwo", "storageClass: !!int standard-rwo");

        var findings = await VerifyAsync(copy);

        findings.ShouldBe([new Finding(QaValues, copy.LineOf(QaValues, "!!int"), RuleIds.YamlUnreadable,
            "helm refuses this file: the value tagged !!int is not a valid int; remove the tag or fix the value")]);
    }

    [Fact]
    public async Task GO019_a_yaml_directive_is_reported_at_its_line()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Write(QaValues, "%YAML 1.2\n---\n" + copy.Read(QaValues));

        var findings = await VerifyAsync(copy);

        findings.ShouldBe([new Finding(QaValues, 1, RuleIds.YamlUnreadable,
            "helm refuses this file: it does not accept YAML directives (%YAML, %TAG); remove the directive line")]);
    }

    [Fact]
    public async Task GO019_an_alias_bomb_is_reported_without_expanding_it()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        var levels = string.Concat(Enumerable.Range(1, 8).Select(level =>
            $"  l{level}: &l{level} [{string.Join(',', Enumerable.Repeat($"*l{level - 1}", 9))}]\n"));
        copy.Write(QaValues, copy.Read(QaValues) + "bomb:\n  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + levels);

        var findings = await VerifyAsync(copy);

        findings.Count.ShouldBe(1, string.Join('\n', findings));
        findings[0].File.ShouldBe(QaValues);
        findings[0].RuleId.ShouldBe(RuleIds.YamlUnreadable);
        findings[0].Message.ShouldContain("alias bomb");
        findings[0].Line.ShouldBeGreaterThanOrEqualTo(copy.LineOf(QaValues, "bomb:"));
    }

    [Fact]
    public async Task GO019_applies_to_the_argo_cd_values_that_Verify_does_not_render()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Replace(ArgoCdValues, "    type: ClusterIP", "    type: !!float ClusterIP");

        var findings = await VerifyAsync(copy);

        findings.ShouldBe([new Finding(ArgoCdValues, copy.LineOf(ArgoCdValues, "!!float"), RuleIds.YamlUnreadable,
            "helm refuses this file: the value tagged !!float is not a valid float; remove the tag or fix the value")]);
    }

    [Fact]
    public async Task GO022_an_application_without_metadata_name_is_reported_at_its_metadata()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Replace(QaAppOfApps, "  name: app-of-apps-qa-gcp\n", string.Empty);

        var findings = await VerifyAsync(copy);

        ShouldHave(findings, QaAppOfApps, LineAfter(copy, QaAppOfApps, "kind: Application", "metadata:"), RuleIds.ManifestSchema,
            "Application (unnamed): metadata.name is required: the API server refuses an object without a name (Argo CD v3 schema)");
    }

    [Fact]
    public async Task GO022_an_application_without_apiVersion_is_reported()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        var text = copy.Read(QaAppOfApps);
        var application = text.IndexOf("apiVersion: argoproj.io/v1alpha1\nkind: Application\n", StringComparison.Ordinal);
        application.ShouldBeGreaterThan(0);
        copy.Write(QaAppOfApps, text.Remove(application, "apiVersion: argoproj.io/v1alpha1\n".Length));

        var findings = await VerifyAsync(copy);

        ShouldHave(findings, QaAppOfApps, LineAfter(copy, QaAppOfApps, "kind: Application", "kind: Application"), RuleIds.ManifestSchema,
            "Application app-of-apps-qa-gcp: apiVersion is required (Argo CD v3 schema)");
    }

    [Fact]
    public async Task GO022_a_field_of_the_wrong_type_is_reported_at_its_line()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        var pin = ConfigurationPins.Parse(copy.Read(QaAppOfApps), QaAppOfApps, Stage.Qa);
        copy.Replace(QaAppOfApps, $"      targetRevision: {pin.Sha}\n      path: charts/app-of-apps", "      targetRevision: [main]\n      path: charts/app-of-apps");

        var findings = await VerifyAsync(copy);

        ShouldHave(findings, QaAppOfApps, copy.LineOf(QaAppOfApps, "targetRevision: [main]"), RuleIds.PinInvalid, "at a targetRevision that is not one value");
        findings.Where(finding => finding.RuleId != RuleIds.PinInvalid).ShouldBe([new Finding(QaAppOfApps, copy.LineOf(QaAppOfApps, "targetRevision: [main]"), RuleIds.ManifestSchema,
            "Application app-of-apps-qa-gcp: spec.sources[0].targetRevision must be string (Argo CD v3 schema)")]);
    }

    [Fact]
    public async Task GO022_an_unknown_field_is_reported_at_its_line()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Replace(QaAppOfApps, "  syncPolicy:\n    automated:\n", "  syncPolicy:\n    automatic: true\n    automated:\n");

        var findings = await VerifyAsync(copy);

        findings.ShouldBe([new Finding(QaAppOfApps, copy.LineOf(QaAppOfApps, "automatic: true"), RuleIds.ManifestSchema,
            "Application app-of-apps-qa-gcp: spec.syncPolicy.automatic is not a field of this kind's schema (the API server prunes or rejects unknown fields) (Argo CD v3 schema)")]);
    }

    [Fact]
    public async Task GO022_an_unknown_field_in_a_rendered_application_is_reported_in_its_template()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Replace(Platform, "  source:\n    {{- if $release }}", "  source:\n    revision: {{ $.Values.deployedRelease | quote }}\n    {{- if $release }}");

        var findings = await VerifyAsync(copy);

        ShouldHave(findings, Platform, copy.LineOf(Platform, "revision: {{"), RuleIds.ManifestSchema,
            "Application portal: spec.source.revision is not a field of this kind's schema (the API server prunes or rejects unknown fields) (Argo CD v3 schema) (in dev-gcp, nightly-gcp, prod-gcp, qa-gcp, qa-int-gcp)");
    }

    [Fact]
    public async Task GO022_a_rendered_core_object_is_checked_against_the_kubernetes_schema()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Replace(Job, "  backoffLimit: 0\n", "  backoffLimit: three\n");

        var findings = await VerifyAsync(copy);

        ShouldHave(findings, Job, copy.LineOf(Job, "backoffLimit: three"), RuleIds.ManifestSchema, "spec.backoffLimit must be integer (Kubernetes schema)");
    }

    [Fact]
    public async Task GO023_a_literal_password_where_a_vault_placeholder_belongs_is_reported_without_the_value()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Replace(ProdValues, "adminPassword: <path:eurodat/data/prod/database#adminPassword>", "adminPassword: hunter2-canary");

        var findings = await VerifyAsync(copy);

        findings.ShouldBe([new Finding(ProdValues, copy.LineOf(ProdValues, "hunter2-canary"), RuleIds.SecretValueInPlaintext,
            "platform.components.database.values.auth.adminPassword holds a literal value; secrets come from Vault: write an argocd-vault-plugin placeholder such as <path:eurodat/data/<stage>/<component>#<key>>, or reference a Secret")]);
        findings.ShouldAllBe(finding => !finding.Message.Contains("hunter2"));
    }

    [Fact]
    public async Task GO023_a_literal_token_in_a_rendered_config_map_is_reported_in_its_template()
    {
        const string Template = "charts/app-of-apps/templates/settings.yaml";
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Write(Template, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: argocd\ndata:\n  GITLAB_TOKEN: glpat-canary\n");

        var findings = await VerifyAsync(copy);

        findings.ShouldBe([new Finding(Template, 7, RuleIds.SecretValueInPlaintext,
            "ConfigMap settings: data.GITLAB_TOKEN holds a literal value; secrets come from Vault: write an argocd-vault-plugin placeholder such as <path:eurodat/data/<stage>/<component>#<key>>, or reference a Secret (in dev-gcp, nightly-gcp, prod-gcp, qa-gcp, qa-int-gcp)")]);
    }

    [Fact]
    public async Task GO017_a_later_more_specific_pattern_that_overrides_the_prod_owners_is_reported_at_its_line()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Write("CODEOWNERS", copy.Read("CODEOWNERS") + "\n/environments/prod/values-*.yaml @app-team\n");

        var findings = await VerifyAsync(copy);

        findings.ShouldBe([new Finding("CODEOWNERS", copy.LineOf("CODEOWNERS", "@app-team"), RuleIds.ProdNotCodeOwned,
            $"'/environments/prod/values-*.yaml @app-team' is the last entry matching {ProdValues} and makes @app-team its approver, so a prod change no longer needs "
            + "the prod approvers @platform-leads; keep @platform-leads on every prod file (GitLab: the last matching entry wins)")]);
    }

    [Fact]
    public async Task GO017_codeowners_losing_its_own_entry_is_reported()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Replace("CODEOWNERS", "/CODEOWNERS @platform-leads", "/CODEOWNERS @app-team");

        var findings = await VerifyAsync(copy);

        findings.ShouldBe([new Finding("CODEOWNERS", copy.LineOf("CODEOWNERS", "/CODEOWNERS @app-team"), RuleIds.ProdNotCodeOwned,
            "'/CODEOWNERS @app-team' is the last entry matching CODEOWNERS and makes @app-team its approver, so CODEOWNERS, which decides who approves prod, "
            + "no longer needs the prod approvers @platform-leads; keep @platform-leads on CODEOWNERS (GitLab: the last matching entry wins)")]);
    }

    [Fact]
    public async Task GO017_codeowners_without_any_entry_for_itself_is_reported()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Replace("CODEOWNERS", "/CODEOWNERS @platform-leads\n", string.Empty);

        var findings = await VerifyAsync(copy);

        findings.ShouldBe([new Finding("CODEOWNERS", 1, RuleIds.ProdNotCodeOwned,
            "no entry in CODEOWNERS gives CODEOWNERS an owner, yet it decides who approves prod; add '/CODEOWNERS @platform-leads'")]);
    }

    [Fact]
    public async Task GO017_the_stage_catalog_taken_from_the_prod_approvers_is_reported()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Write("CODEOWNERS", copy.Read("CODEOWNERS") + "\n/environments/*.yaml @app-team\n");

        var findings = await VerifyAsync(copy);

        findings.ShouldBe([new Finding("CODEOWNERS", copy.LineOf("CODEOWNERS", "@app-team"), RuleIds.ProdNotCodeOwned,
            "'/environments/*.yaml @app-team' is the last entry matching environments/stages.yaml and makes @app-team its approver, so environments/stages.yaml, "
            + "which decides who approves prod, no longer needs the prod approvers @platform-leads; keep @platform-leads on environments/stages.yaml (GitLab: the last matching entry wins)")]);
    }

    [Fact]
    public async Task GO019_a_nul_byte_in_the_argocd_values_is_reported_at_its_line()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        var text = copy.Read(ArgoCdValues);
        var next = text.IndexOf('\n', StringComparison.Ordinal) + 1;
        File.WriteAllBytes(copy.PathOf(ArgoCdValues), [.. Encoding.UTF8.GetBytes(text[..next]), .. "# x"u8, 0x00, (byte)'\n', .. Encoding.UTF8.GetBytes(text[next..])]);

        var findings = await VerifyAsync(copy);

        ShouldHave(findings, ArgoCdValues, 2, RuleIds.YamlUnreadable, "helm refuses this file: it holds the control character U+0000 (NUL), which YAML does not allow; remove it");
    }

    [Fact]
    public async Task GO023_literal_text_before_a_vault_placeholder_is_reported_without_the_value()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Replace(ProdValues, "adminPassword: <path:eurodat/data/prod/database#adminPassword>", "adminPassword: canary<path:eurodat/data/prod/database#adminPassword>");

        var findings = await VerifyAsync(copy);

        findings.ShouldBe([new Finding(ProdValues, copy.LineOf(ProdValues, "canary<path:"), RuleIds.SecretValueInPlaintext,
            "platform.components.database.values.auth.adminPassword holds literal text around its Vault placeholder; " + SecretValueRuleAdvice)]);
        findings.ShouldAllBe(finding => !finding.Message.Contains("canary"));
    }

    [Fact]
    public async Task GO023_a_password_inside_a_url_is_reported_without_the_value()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Replace(QaAppOfApps, "repoURL: ", "repoURL: https://deploy:hunter2-canary@gitlab.example.com/x.git\n    # was: ");

        var findings = await VerifyAsync(copy);

        ShouldHave(findings, QaAppOfApps, copy.LineOf(QaAppOfApps, "hunter2-canary"), RuleIds.SecretValueInPlaintext,
            "repoURL holds a URL with a literal password (user:password@host)");
        findings.ShouldAllBe(finding => !finding.Message.Contains("hunter2"));
    }

    [Fact]
    public async Task GO017_prod_moved_into_an_optional_section_is_reported()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Replace("CODEOWNERS", "/environments/prod/ @platform-leads\n", "^[Production]\n/environments/prod/ @platform-leads\n[Shared]\n");

        var findings = await VerifyAsync(copy);

        findings.Select(finding => (finding.File, finding.Line, finding.RuleId)).ShouldBe(
        [
            ("CODEOWNERS", copy.LineOf("CODEOWNERS", "/environments/prod/ @platform-leads"), RuleIds.ProdNotCodeOwned),
            ("CODEOWNERS", copy.LineOf("CODEOWNERS", "/environments/prod/ @platform-leads"), RuleIds.ProdNotCodeOwned),
            ("CODEOWNERS", copy.LineOf("CODEOWNERS", "/environments/prod/ @platform-leads"), RuleIds.ProdNotCodeOwned), // root-prod.yaml
        ]);
        findings.ShouldAllBe(finding => finding.Message.Contains("is in an optional section, whose approval is not required"));
    }

    [Fact]
    public async Task GO017_another_section_requiring_more_approvals_keeps_prod_with_its_approvers()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Write("CODEOWNERS", copy.Read("CODEOWNERS") + "\n[Security]\n/environments/ @security\n");

        (await VerifyAsync(copy)).ShouldBeEmpty();
    }

    private static int LineAfter(RepositoryCopy copy, string file, string first, string then)
    {
        var lines = File.ReadAllLines(copy.PathOf(file));
        // At the start of a line: "kind: Application" also stands indented in the parents' AppProject whitelist.
        var start = Array.FindIndex(lines, line => line.StartsWith(first, StringComparison.Ordinal));
        return Array.FindIndex(lines, start, line => line.Contains(then, StringComparison.Ordinal)) + 1;
    }
}
