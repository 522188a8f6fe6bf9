using GitOps.Platform.Verification;

using static GitOps.Platform.Tests.Verification.FixtureVerification;

namespace GitOps.Platform.Tests.Verification;

/// <summary>One broken copy of the repository per rule: Verify must name the rule, the file and the line.</summary>
public sealed class RuleFixtureTests
{
    private const string QaValues = "environments/qa/values-qa-gcp.yaml";
    private const string DevValues = "environments/dev/values-dev-gcp.yaml";
    private const string ProdValues = "environments/prod/values-prod-gcp.yaml";
    private const string Stages = "environments/stages.yaml";
    private const string Helpers = "charts/app-of-apps/templates/_helpers.tpl";
    private const string Infrastructure = "charts/app-of-apps/templates/infrastructure-applications.yaml";
    private const string Platform = "charts/app-of-apps/templates/platform-applications.yaml";
    private const string Job = "charts/app-of-apps/templates/e2e-trigger-job.yaml";

    [Fact]
    public async Task GO001_an_invalid_catalog_is_reported_at_its_line()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Replace(Stages, "    deployedRelease: semver\n  - name: prod", "    deployedRelease: semver\n    colour: blue\n  - name: prod");

        var findings = await VerifyAsync(copy);

        ShouldHave(findings, Stages, copy.LineOf(Stages, "colour: blue"), RuleIds.CatalogInvalid, "unknown key 'colour'");
    }

    [Fact]
    public async Task GO002_a_deleted_values_file_is_named_at_its_stage()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Delete(QaValues);

        var findings = await VerifyAsync(copy);

        findings.ShouldBe([new Finding(Stages, copy.LineOf(Stages, "- name: qa"), RuleIds.EnvironmentFileMissing, $"environment qa-gcp has no values file {QaValues}"),
            new Finding("environments/qa/app-of-apps-qa.yaml", copy.LineOf("environments/qa/app-of-apps-qa.yaml", "- $values/"), RuleIds.AppOfAppsInvalid,
                $"Application app-of-apps-qa-gcp: values file $values/{QaValues} does not exist")], ignoreOrder: true);
    }

    [Fact]
    public async Task GO003_a_values_file_for_an_unknown_environment_is_an_orphan()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Write("environments/qa/values-qa-aws.yaml", copy.Read(QaValues));

        var findings = await VerifyAsync(copy);

        ShouldHave(findings, "environments/qa/values-qa-aws.yaml", 1, RuleIds.EnvironmentFileOrphan, "belongs to no environment");
    }

    [Fact]
    public async Task GO004_a_values_file_of_another_stage_is_reported_at_its_stage_key()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Replace(QaValues, "stage: qa\n", "stage: qa-int\n");

        var findings = await VerifyAsync(copy);

        ShouldHave(findings, QaValues, copy.LineOf(QaValues, "stage: qa-int"), RuleIds.ValuesIdentity, "stage is 'qa-int'");
    }

    [Fact]
    public async Task GO005_a_branch_where_a_release_is_required_is_reported_at_the_parents_deployedRelease()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        const string QaParent = "environments/qa/app-of-apps-qa.yaml";
        copy.Replace(QaParent, "value: \"1.4.2\"", "value: \"release-1.4\"");

        var findings = await VerifyAsync(copy);

        findings.ShouldBe([new Finding(QaParent, copy.LineOf(QaParent, "value: \"release-1.4\""), RuleIds.ReleaseNotSemVer,
            "Application app-of-apps-qa-gcp's deployedRelease 'release-1.4' is not a SemVer (MAJOR.MINOR.PATCH, e.g. 1.4.2); stage qa deploys released versions only")]);
    }

    [Fact]
    public async Task GO044_a_release_in_a_promoted_stages_values_file_is_reported_because_the_parameter_would_shadow_it()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Replace(QaValues, "cloud: gcp\n", "cloud: gcp\ndeployedRelease: 1.9.9\n");

        var findings = await VerifyAsync(copy);

        findings.ShouldBe([new Finding(QaValues, copy.LineOf(QaValues, "deployedRelease:"), RuleIds.PromotedReleaseMisplaced,
            "deployedRelease is set here, but stage qa is promoted: its release is the deployedRelease helm parameter of Application app-of-apps-qa-gcp in environments/qa/app-of-apps-qa.yaml, "
            + "which Argo CD applies over every values file, so this one would be silently shadowed; remove it here")]);
    }

    [Fact]
    public async Task GO044_a_promoted_parent_without_its_release_parameter_is_reported()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        const string ProdParent = "environments/prod/app-of-apps-prod.yaml";
        copy.Replace(ProdParent, "            value: \"1.3.0\"\n            forceString: true\n", "            value: \"1.3.0\"\n");

        var findings = await VerifyAsync(copy);

        findings.ShouldBe([new Finding(ProdParent, copy.LineOf(ProdParent, "- name: deployedRelease"), RuleIds.PromotedReleaseMisplaced,
            "Application app-of-apps-prod-gcp's helm parameter deployedRelease lacks forceString: true; without it helm reads a release such as 1.10 as a number")]);
    }

    [Fact]
    public async Task GO045_a_promoted_parents_own_overrides_are_refused_because_they_reach_the_stage_without_promotion()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        const string QaParent = "environments/qa/app-of-apps-qa.yaml";
        copy.Replace(QaParent, "          - $values/environments/qa/values-qa-gcp.yaml\n",
            "          - $values/environments/qa/values-qa-gcp.yaml\n          - $values/environments/dev/values-dev-gcp.yaml\n");
        copy.Replace(QaParent, "            value: $ARGOCD_APP_REVISION\n            forceString: true\n",
            "            value: $ARGOCD_APP_REVISION\n            forceString: true\n          - name: infrastructure.cert-manager.version\n            value: \"9.9.9\"\n        valuesObject:\n          replicas: 3\n");

        var findings = (await VerifyAsync(copy)).Where(finding => finding.RuleId == RuleIds.PromotedOverride).ToList();

        findings.Select(finding => finding.Line).ShouldBe(
            [copy.LineOf(QaParent, "- $values/environments/dev/"), copy.LineOf(QaParent, "- name: infrastructure.cert-manager.version"), copy.LineOf(QaParent, "valuesObject:")],
            ignoreOrder: true);
        findings.ShouldAllBe(finding => finding.File == QaParent && finding.Message.Contains("without promotion"));
    }

    [Fact]
    public async Task GO006_values_the_schema_rejects_are_reported_at_the_offending_key()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Replace(DevValues, "cloud: gcp\n", "cloud: gcp\nreplicas: 3\n");

        var findings = await VerifyAsync(copy);

        ShouldHave(findings, DevValues, copy.LineOf(DevValues, "replicas: 3"), RuleIds.ValuesSchema, "additional properties 'replicas' not allowed");
    }

    [Fact]
    public async Task GO007_a_template_that_does_not_render_is_reported_at_its_line()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Replace(Platform, "kind: Application\n", "kind: Application\n# {{ .Values.nothing.here }}\n");

        var findings = await VerifyAsync(copy);

        ShouldHave(findings, Platform, copy.LineOf(Platform, ".Values.nothing.here"), RuleIds.ChartRender, "nil pointer");
    }

    [Fact]
    public async Task GO008_an_application_without_sync_wave_is_reported_in_its_template()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Replace(Helpers, "  argocd.argoproj.io/sync-wave: {{ .wave | quote }}\n", "  example.com/wave: {{ .wave | quote }}\n");

        var findings = await VerifyAsync(copy);

        ShouldHave(findings, Platform, copy.LineOf(Platform, "kind: Application"), RuleIds.SyncWaveMissing,
            "Application portal has no argocd.argoproj.io/sync-wave annotation (in dev-gcp, nightly-gcp, prod-gcp, qa-gcp, qa-int-gcp)");
    }

    [Fact]
    public async Task GO009_an_application_without_the_resources_finalizer_is_reported()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Replace(Helpers, "  - resources-finalizer.argocd.argoproj.io\n", "  - example.com/keep\n");

        var findings = await VerifyAsync(copy);

        ShouldHave(findings, Infrastructure, copy.LineOf(Infrastructure, "kind: Application"), RuleIds.FinalizerMissing, "Application cert-manager has no");
    }

    [Fact]
    public async Task GO010_an_application_in_the_default_project_is_reported_at_the_project_line()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Replace(Infrastructure, "project: {{ $.Values.project }}", "project: default");

        var findings = await VerifyAsync(copy);

        ShouldHave(findings, Infrastructure, copy.LineOf(Infrastructure, "project: default"), RuleIds.DefaultProject, "Application ingress-nginx uses the default AppProject");
    }

    [Fact]
    public async Task GO011_a_destination_of_another_environment_is_reported_at_the_cluster_name()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Replace(QaValues, "clusterName: eurodat-qa-gcp", "clusterName: eurodat-prod-gcp");

        var findings = await VerifyAsync(copy);

        findings.ShouldBe([new Finding(QaValues, copy.LineOf(QaValues, "clusterName:"), RuleIds.DestinationMismatch,
            "destination.clusterName is 'eurodat-prod-gcp' but qa-gcp's cluster is registered as 'eurodat-qa-gcp'")]);
    }

    [Fact]
    public async Task GO012_a_platform_application_not_at_deployedRelease_is_reported_at_targetRevision()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Replace(Platform, "targetRevision: {{ $.Values.deployedRelease | quote }}", "targetRevision: \"1.0.0\"");

        var findings = await VerifyAsync(copy);

        ShouldHave(findings, Platform, copy.LineOf(Platform, "targetRevision:"), RuleIds.TargetRevisionMismatch,
            "platform Application controller deploys '1.0.0' but deployedRelease is '1.4.2' (in qa-gcp)");
    }

    /// <summary>
    /// Argo CD does not retry a failed automated sync of the same revision unless syncPolicy.retry says so: a parent
    /// whose sync hit the 900 s timeout would stay failed until the next commit.
    /// </summary>
    [Theory]
    [InlineData("    retry:\n      limit: 3\n", "    retry:\n      limit: 0\n", "syncPolicy.retry.limit")]
    [InlineData("    retry:\n      limit: 3\n", "    retry:\n      limit: -1\n", "syncPolicy.retry.limit")]
    [InlineData("      backoff:\n        duration: 30s\n        factor: 2\n        maxDuration: 5m\n", "", "syncPolicy.retry.backoff")]
    public async Task GO013_a_parent_without_a_bounded_sync_retry_is_reported(string original, string mutated, string message)
    {
        const string AppOfApps = "environments/qa/app-of-apps-qa.yaml";
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Replace(AppOfApps, original, mutated);

        var findings = await VerifyAsync(copy);

        ShouldHave(findings, AppOfApps, copy.LineOf(AppOfApps, "  syncPolicy:"), RuleIds.AppOfAppsInvalid, message);
    }

    [Fact]
    public async Task GO013_a_parent_without_sync_retry_is_reported()
    {
        const string AppOfApps = "environments/dev/app-of-apps-dev.yaml";
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Replace(AppOfApps, "    retry:\n      limit: 3\n      backoff:\n        duration: 30s\n        factor: 2\n        maxDuration: 5m\n", string.Empty);

        var findings = await VerifyAsync(copy);

        ShouldHave(findings, AppOfApps, copy.LineOf(AppOfApps, "  syncPolicy:"), RuleIds.AppOfAppsInvalid, "syncPolicy.retry is not set");
    }

    [Fact]
    public async Task GO013_an_app_of_apps_without_a_values_ref_is_reported_at_its_sources()
    {
        const string AppOfApps = "environments/qa/app-of-apps-qa.yaml";
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Replace(AppOfApps, "      ref: values\n", "      path: environments\n");

        var findings = await VerifyAsync(copy);

        findings.ShouldBe([new Finding(AppOfApps, copy.LineOf(AppOfApps, "  sources:"), RuleIds.AppOfAppsInvalid,
            "Application app-of-apps-qa-gcp: spec.sources has no source with 'ref: values', so the chart cannot read $values/environments/... files")]);
    }

    [Fact]
    public async Task GO014_a_plaintext_secret_in_environments_is_reported_at_its_kind()
    {
        const string SecretFile = "environments/qa/database-secret.yaml";
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Write(SecretFile, "# added by mistake\napiVersion: v1\nkind: Secret\nmetadata:\n  name: database\nstringData:\n  password: hunter2\n");

        var findings = await VerifyAsync(copy);

        findings.ShouldBe([new Finding(SecretFile, 3, RuleIds.PlaintextSecret,
            "Secret database carries data in plain text; use a SealedSecret or Vault AVP placeholders (<path:some/path#key>)")]);
    }

    [Fact]
    public async Task GO014_a_rendered_plaintext_secret_is_reported_in_its_template()
    {
        const string Template = "charts/app-of-apps/templates/database-secret.yaml";
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Write(Template, "apiVersion: v1\nkind: Secret\nmetadata:\n  name: database\ndata:\n  password: aHVudGVyMg==\n");

        var findings = await VerifyAsync(copy);

        ShouldHave(findings, Template, 2, RuleIds.PlaintextSecret, "renders Secret database with data in plain text");
    }

    [Fact]
    public async Task GO015_a_malformed_vault_placeholder_is_reported_at_its_line()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Replace(ProdValues, "<path:eurodat/data/prod/database#adminPassword>", "<path:eurodat/data/prod/database>");

        var findings = await VerifyAsync(copy);

        findings.ShouldBe([new Finding(ProdValues, copy.LineOf(ProdValues, "<path:eurodat/data/prod/database>"), RuleIds.PlaceholderMalformed,
            "Vault placeholder '<path:eurodat/data/prod/database>' is malformed; expected <path:some/path#key> (optionally #version and | modifiers)")]);
    }

    [Fact]
    public async Task GO016_a_tracked_kubeconfig_is_reported()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Write("environments/qa/kubeconfig", "apiVersion: v1\nkind: Config\n");
        await copy.GitAsync("add", "--force", "environments/qa/kubeconfig");

        var findings = await VerifyAsync(copy);

        ShouldHave(findings, "environments/qa/kubeconfig", 1, RuleIds.SensitiveFileTracked, "is tracked by git");
    }

    [Fact]
    public async Task GO017_prod_files_without_code_owners_are_reported()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Replace("CODEOWNERS", "/environments/prod/ @platform-leads\n", string.Empty);

        var findings = await VerifyAsync(copy);

        findings.Select(finding => (finding.File, finding.Line, finding.RuleId)).ShouldBe(
        [
            ("environments/prod/app-of-apps-prod.yaml", 1, RuleIds.ProdNotCodeOwned),
            ("environments/prod/root-prod.yaml", 1, RuleIds.ProdNotCodeOwned),
            (ProdValues, 1, RuleIds.ProdNotCodeOwned),
        ]);
    }

    [Fact]
    public async Task GO018_a_management_argocd_without_the_application_health_check_is_reported()
    {
        const string ArgoValues = "environments/argocd/argocd-values.yaml";
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Replace(ArgoValues, "resource.customizations.health.argoproj.io_Application:", "resource.customizations.health.argoproj.io_Rollout:");

        var findings = await VerifyAsync(copy);

        ShouldHave(findings, ArgoValues, copy.LineOf(ArgoValues, "  cm:"), RuleIds.ApplicationHealthCheckMissing, "must hold a Lua health check");
    }

    [Fact]
    public async Task GO019_unreadable_yaml_is_reported_at_its_line()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Replace(QaValues, "cloud: gcp\n", "cloud: gcp\n  broken: indentation\n");

        var findings = await VerifyAsync(copy);

        ShouldHave(findings, QaValues, copy.LineOf(QaValues, "broken: indentation"), RuleIds.YamlUnreadable, "not valid YAML");
    }

    [Fact]
    public async Task GO020_an_environment_without_the_e2e_trigger_is_reported_at_the_switch()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Write(QaValues, copy.Read(QaValues) + "\ne2eTrigger:\n  enabled: false\n");

        var findings = await VerifyAsync(copy);

        findings.ShouldBe([new Finding(QaValues, copy.LineOf(QaValues, "enabled: false"), RuleIds.E2eTriggerInvalid,
            "renders no PostSync hook Job calling GitLab's /trigger/pipeline; the e2e tests would never start after a sync")]);
    }

    [Fact]
    public async Task GO020_a_stage_whose_trigger_pipeline_has_no_jobs_must_not_render_the_hook()
    {
        const string NightlyValues = "environments/nightly/values-nightly-gcp.yaml";
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Replace(NightlyValues, "e2eTrigger:\n  enabled: false\n", "e2eTrigger:\n  enabled: true\n");

        var findings = await VerifyAsync(copy);

        ShouldHave(findings, NightlyValues, copy.LineOf(NightlyValues, "enabled: true"), RuleIds.E2eTriggerInvalid,
            ".gitlab-ci.yml has no job for a trigger with STAGE=nightly CLOUD=gcp");
    }

    /// <summary>
    /// The project lets no one set pipeline variables: GitLab refuses a trigger carrying one, and the pipeline reads the
    /// hook's values from its inputs only. A hook posting a variable, or leaving out an input, is reported.
    /// </summary>
    [Fact]
    public async Task GO020_a_hook_that_posts_a_pipeline_variable_or_leaves_out_an_input_is_reported()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Replace(Job, "--form \"inputs[stage]=${STAGE}\"", "--form \"variables[STAGE]=${STAGE}\"");
        copy.Replace(Job, "                  --form \"inputs[release]=${RELEASE}\" \\\n", string.Empty);

        var findings = await VerifyAsync(copy);

        ShouldHave(findings, Job, copy.LineOf(Job, "variables[STAGE]"), RuleIds.E2eTriggerInvalid,
            "posts variables[STAGE]; the project lets no one set pipeline variables, so GitLab refuses the trigger: post inputs[stage]");
        ShouldHave(findings, Job, copy.LineOf(Job, "/trigger/pipeline"), RuleIds.E2eTriggerInvalid,
            "does not post inputs[release]=${RELEASE}");
    }

    [Fact]
    public async Task GO020_an_inline_trigger_token_is_reported_in_the_job_template()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Replace(Job, "              valueFrom:\n                secretKeyRef:\n                  name: {{ .Values.e2eTrigger.tokenSecret.name }}\n                  key: {{ .Values.e2eTrigger.tokenSecret.key }}\n",
            "              value: glptt-not-a-real-token\n");

        var findings = await VerifyAsync(copy);

        ShouldHave(findings, Job, copy.LineOf(Job, "TRIGGER_TOKEN"), RuleIds.E2eTriggerInvalid, "must come from valueFrom.secretKeyRef");
    }

    [Fact]
    public async Task GO020_a_sealed_secret_rendered_into_the_management_cluster_is_reported()
    {
        const string Template = "charts/app-of-apps/templates/e2e-trigger-token.yaml";
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Write(Template, "apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata:\n  name: e2e-trigger-token\n  namespace: argocd\n"
            + "spec:\n  encryptedData:\n    token: AgBrWZ7TzozKKiHasW8ZY4VSu16AL01KjMgRWu\n");

        var findings = await VerifyAsync(copy);

        ShouldHave(findings, Template, 2, RuleIds.E2eTriggerInvalid, "runs no sealed-secrets controller");
    }

    [Fact]
    public async Task GO020_a_trigger_token_secret_other_than_the_one_provisioning_creates_is_reported()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Write(QaValues, copy.Read(QaValues) + "\ne2eTrigger:\n  tokenSecret:\n    name: e2e-trigger-qa-gcp\n");

        var findings = await VerifyAsync(copy);

        ShouldHave(findings, Job, copy.LineOf(Job, "secretKeyRef"), RuleIds.E2eTriggerInvalid,
            "reads Secret 'e2e-trigger-qa-gcp' key 'token', but ProvisionManagementCluster creates Secret 'e2e-trigger-token' key 'token'");
    }

    [Fact]
    public async Task GO020_a_hook_job_in_the_argo_cd_namespace_is_reported()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Replace(Job, "  namespace: {{ include \"app-of-apps.e2eHookNamespace\" . }}\n", "  namespace: {{ .Values.argocdNamespace }}\n");

        var findings = await VerifyAsync(copy);

        ShouldHave(findings, Job, copy.LineOf(Job, "namespace: {{ .Values.argocdNamespace }}"), RuleIds.E2eTriggerInvalid,
            "the e2e trigger Job runs in namespace 'argocd'; it must run in 'eurodat-qa-e2e-hook'");
    }

    [Fact]
    public async Task GO021_a_placeholder_in_an_application_rendered_with_built_in_helm_is_reported()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Replace(Helpers, "{{- if contains (print \"<\" \"path:\") $yaml -}}", "{{- if false -}}");

        var findings = await VerifyAsync(copy);

        ShouldHave(findings, Platform, copy.LineOf(Platform, "source:"), RuleIds.PlaceholderOutsidePlugin,
            "Vault placeholder <path:eurodat/data/qa/database#adminPassword> would reach the cluster as literal text: Application database-qa-gcp is not rendered through source.plugin 'argocd-vault-plugin-helm'");
    }

    [Fact]
    public async Task GO021_a_placeholder_in_a_manifest_the_parent_applies_itself_is_reported()
    {
        const string Template = "charts/app-of-apps/templates/settings.yaml";
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Write(Template, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  password: <path:eurodat/data/qa/x#password>\n");

        var findings = await VerifyAsync(copy);

        ShouldHave(findings, Template, 2, RuleIds.PlaceholderOutsidePlugin, "ConfigMap settings is applied as is by the parent");
    }

    [Fact]
    public async Task GO021_argo_cd_without_the_vault_plugin_is_reported()
    {
        const string ArgoCdValues = "environments/argocd/argocd-values.yaml";
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Replace(ArgoCdValues, "      argocd-vault-plugin-helm:\n", "      another-plugin:\n");

        var findings = await VerifyAsync(copy);

        ShouldHave(findings, ArgoCdValues, copy.LineOf(ArgoCdValues, "configs:"), RuleIds.PlaceholderOutsidePlugin, "configs.cmp.plugins.argocd-vault-plugin-helm is missing");
    }

    [Fact]
    public async Task GO018_a_health_check_that_trusts_a_childs_old_revision_is_reported()
    {
        const string ArgoCdValues = "environments/argocd/argocd-values.yaml";
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Replace(ArgoCdValues, "local compared = app.status.sync ~= nil and app.status.sync.comparedTo or nil", "local compared = app.status.sync");

        var findings = await VerifyAsync(copy);

        findings.ShouldBe([new Finding(ArgoCdValues, copy.LineOf(ArgoCdValues, "resource.customizations.health.argoproj.io_Application"), RuleIds.ApplicationHealthCheckMissing,
            "configs.cm.\"resource.customizations.health.argoproj.io_Application\" must keep a child Progressing while obj.operation is set and while status.sync.comparedTo differs from its spec; "
            + "otherwise a child still Synced/Healthy on its old revision counts as ready")]);
    }

    [Fact]
    public async Task GO018_a_health_check_that_leaves_a_child_that_cannot_be_rendered_progressing_is_reported()
    {
        const string ArgoCdValues = "environments/argocd/argocd-values.yaml";
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Replace(ArgoCdValues, "local unrendered = condition(obj, \"ComparisonError\")", "local unrendered = nil");

        var findings = await VerifyAsync(copy);

        findings.ShouldBe([new Finding(ArgoCdValues, copy.LineOf(ArgoCdValues, "resource.customizations.health.argoproj.io_Application"), RuleIds.ApplicationHealthCheckMissing,
            "configs.cm.\"resource.customizations.health.argoproj.io_Application\" must turn a child whose sync failed for good (operationState.phase Failed/Error), "
            + "a ComparisonError or an InvalidSpecError into Degraded (\"ComparisonError\" is never checked); Argo CD fails a sync wave only on Degraded, so the parent would wait for ever")]);
    }

    [Theory]
    [InlineData("    controller.sync.timeout.seconds: \"900\"\n", "", "not set")]
    [InlineData("controller.sync.timeout.seconds: \"900\"", "controller.sync.timeout.seconds: \"0\"", "'0'")]
    public async Task GO018_argo_cd_without_a_sync_timeout_is_reported(string setting, string replacement, string shown)
    {
        const string ArgoCdValues = "environments/argocd/argocd-values.yaml";
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Replace(ArgoCdValues, setting, replacement);

        var findings = await VerifyAsync(copy);

        var line = replacement.Length == 0 ? copy.LineOf(ArgoCdValues, "configs:") : copy.LineOf(ArgoCdValues, replacement);
        findings.ShouldBe([new Finding(ArgoCdValues, line, RuleIds.ApplicationHealthCheckMissing,
            $"configs.params.\"controller.sync.timeout.seconds\" is {shown}: Argo CD then never ends a sync that cannot finish, and automated sync waits behind it; "
            + "set a whole number of seconds above 0")]);
    }

    [Fact]
    public async Task Every_finding_is_reported_not_only_the_first()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Replace("environments/qa/app-of-apps-qa.yaml", "value: \"1.4.2\"", "value: \"main\"");
        copy.Replace("environments/prod/app-of-apps-prod.yaml", "value: \"1.3.0\"", "value: \"v1.3\"");
        copy.Delete("environments/nightly/values-nightly-gcp.yaml");

        var findings = await VerifyAsync(copy);

        findings.Select(finding => finding.RuleId).Distinct().ShouldBe(
            [RuleIds.EnvironmentFileMissing, RuleIds.AppOfAppsInvalid, RuleIds.ReleaseNotSemVer], ignoreOrder: true);
        findings.Count(finding => finding.RuleId == RuleIds.ReleaseNotSemVer).ShouldBe(2);
    }

    [Fact]
    public async Task GO030_a_chart_version_range_on_a_promoted_stage_is_reported_where_it_is_set_and_allowed_on_dev()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        const string Range = "infrastructure:\n  cert-manager:\n    version: '>=0.0.0 <1.0.0'\n";
        copy.Replace(QaValues, "infrastructure:\n", Range);
        copy.Replace(DevValues, "infrastructure:\n", Range);

        var findings = await VerifyAsync(copy);

        ShouldHave(findings, QaValues, copy.LineOf(QaValues, "version: '>=0.0.0"), RuleIds.FloatingChartVersion,
            "installs chart cert-manager at '>=0.0.0 <1.0.0', a version range; stage qa is promoted");
        findings.ShouldNotContain(finding => finding.File == DevValues && finding.RuleId == RuleIds.FloatingChartVersion);
    }

    [Fact]
    public async Task GO031_an_application_tracking_a_branch_on_a_promoted_stage_is_reported_at_its_template()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        const string Template = "charts/app-of-apps/templates/tools-application.yaml";
        copy.Write(Template, "apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: tools-{{ .Values.stage }}\nspec:\n  project: {{ .Values.project }}\n"
            + "  source:\n    repoURL: https://gitlab.example/tools.git\n    path: charts/tools\n    targetRevision: main\n");

        var findings = await VerifyAsync(copy);

        ShouldHave(findings, Template, copy.LineOf(Template, "targetRevision: main"), RuleIds.FloatingGitRevision,
            "tracks 'main' of https://gitlab.example/tools.git; stage qa is promoted");
        findings.ShouldNotContain(finding => finding.RuleId == RuleIds.FloatingGitRevision && finding.Message.Contains("stage dev", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GO032_a_latest_image_on_a_promoted_stage_is_reported_at_the_values_line()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Replace(QaValues, "    portal:\n      values:\n", "    portal:\n      values:\n        sidecar:\n          image: docker.io/library/busybox:latest\n");

        var findings = await VerifyAsync(copy);

        ShouldHave(findings, QaValues, copy.LineOf(QaValues, "busybox:latest"), RuleIds.FloatingImageTag,
            "runs image 'docker.io/library/busybox:latest', a moving tag; stage qa is promoted");
    }
}
