namespace GitOps.Platform.Verification;

/// <summary>The rules Verify checks. Ids are stable: scripts and people grep for them, never renumber.</summary>
public static class RuleIds
{
    public const string CatalogInvalid = "GO001";
    public const string EnvironmentFileMissing = "GO002";
    public const string EnvironmentFileOrphan = "GO003";
    public const string ValuesIdentity = "GO004";
    public const string ReleaseNotSemVer = "GO005";
    public const string ValuesSchema = "GO006";
    public const string ChartRender = "GO007";
    public const string SyncWaveMissing = "GO008";
    public const string FinalizerMissing = "GO009";
    public const string DefaultProject = "GO010";
    public const string DestinationMismatch = "GO011";
    public const string TargetRevisionMismatch = "GO012";
    public const string AppOfAppsInvalid = "GO013";
    public const string PlaintextSecret = "GO014";
    public const string PlaceholderMalformed = "GO015";
    public const string SensitiveFileTracked = "GO016";
    public const string ProdNotCodeOwned = "GO017";
    public const string ApplicationHealthCheckMissing = "GO018";
    public const string YamlUnreadable = "GO019";
    public const string E2eTriggerInvalid = "GO020";
    public const string PlaceholderOutsidePlugin = "GO021";
    public const string ManifestSchema = "GO022";
    public const string SecretValueInPlaintext = "GO023";
    public const string ParentsProjectTooBroad = "GO024";
    public const string FloatingChartVersion = "GO030";
    public const string FloatingGitRevision = "GO031";
    public const string FloatingImageTag = "GO032";

    // GO040 and up, leaving GO024-GO029 and GO033-GO039 to rules written beside these (merged later).
    public const string PinInvalid = "GO040";
    public const string PinOutsideHistory = "GO041";
    public const string RootApplicationInvalid = "GO042";
    public const string SourceRevisionsDiffer = "GO043";
    public const string PromotedReleaseMisplaced = "GO044";
    public const string PromotedOverride = "GO045";
    public const string ForeignStageObject = "GO046";
    public const string PairNotPromoted = "GO047";

    /// <summary>What each rule checks, for help texts and documentation.</summary>
    public static IReadOnlyDictionary<string, string> Descriptions { get; } = new Dictionary<string, string>
    {
        [CatalogInvalid] = "environments/stages.yaml is valid and declares every Stage",
        [EnvironmentFileMissing] = "every environment of the catalog has its values file and its stage its app-of-apps file",
        [EnvironmentFileOrphan] = "no values or app-of-apps file for an environment the catalog does not have",
        [ValuesIdentity] = "a values file's stage, cloud and cluster name are those of its environment",
        [ReleaseNotSemVer] = "deployedRelease is set, and a SemVer where the stage requires one",
        [ValuesSchema] = "the environment's values meet the chart's values.schema.json",
        [ChartRender] = "helm lint and helm template pass for the environment",
        [SyncWaveMissing] = "every Application has an argocd.argoproj.io/sync-wave",
        [FinalizerMissing] = "every Application has the resources-finalizer.argocd.argoproj.io finalizer",
        [DefaultProject] = "no Application uses the default AppProject",
        [DestinationMismatch] = "every Application deploys to its environment's registered cluster",
        [TargetRevisionMismatch] = "platform Applications deploy deployedRelease",
        [AppOfAppsInvalid] = "app-of-apps-<stage>.yaml has an automated Application per cloud reading its values through ref: values",
        [PlaintextSecret] = "no kind: Secret carrying data or stringData, rendered or in environments/",
        [PlaceholderMalformed] = "Vault AVP placeholders are well-formed: <path:some/path#key>",
        [SensitiveFileTracked] = "no kubeconfig, terraform state or .env file is tracked by git",
        [ProdNotCodeOwned] = "CODEOWNERS gives every prod environment file the prod approvers (GitLab: the last matching entry of each section wins)",
        [ApplicationHealthCheckMissing] = "the management Argo CD assesses the health of child Applications",
        [YamlUnreadable] = "every YAML file under environments/ parses as helm reads it: UTF-8, no directives, standard tags that fit, no alias bombs",
        [E2eTriggerInvalid] = "a PostSync hook Job triggers the e2e pipeline with STAGE, CLOUD, RELEASE (and, for a promoted stage, REVISION from e2eTrigger.revision=$ARGOCD_APP_REVISION) and a token by reference",
        [PlaceholderOutsidePlugin] = "a Vault AVP placeholder only reaches Applications rendered through the argocd-vault-plugin-helm plugin",
        [ManifestSchema] = "every Kubernetes object, committed or rendered, has apiVersion, kind and metadata.name and meets its kind's schema: Argo CD v3's for Argo CD objects, Kubernetes' for core kinds; no unknown fields",
        [SecretValueInPlaintext] = "no password, token or other secret-looking key holds a literal value outside kind: Secret; it is a Vault AVP placeholder (<path:some/path#key>) or a reference",
        [ParentsProjectTooBroad] = "the parents' AppProject allows Applications and the e2e hook Job only, in the Argo CD namespace and the hook's own; "
            + "no Job where no hook runs or where the admission policy does not keep it out of the Argo CD namespace; Argo CD's default project allows nothing",
        [FloatingChartVersion] = "on promoted (SemVer) stages, every Helm chart source names an exact version, not a range",
        [FloatingGitRevision] = "on promoted (SemVer) stages, no rendered Application tracks a branch or HEAD of a git repository",
        [FloatingImageTag] = "on promoted (SemVer) stages, no rendered image is :latest or untagged",
        [PinInvalid] = "a promoted stage's app-of-apps file pins every source of this repository (chart and values) at one full 40-hex commit SHA",
        [PinOutsideHistory] = "a promoted stage's pin is a commit main has been at: on origin's main (fetched; offline, main as last fetched), first-parent line, not merely an ancestor of HEAD",
        [RootApplicationInvalid] = "each stage has one root Application (environments/<stage>/root-<stage>.yaml) tracking main, holding only that stage's parent file, in its own AppProject",
        [SourceRevisionsDiffer] = "no Application reads one repository at different revisions in its sources (Argo CD's repo-server refuses it)",
        [PromotedReleaseMisplaced] = "a promoted stage's release is the deployedRelease helm parameter of its parent Application (a string), never its values file, where the parameter would silently shadow it",
        [PromotedOverride] = "a promoted stage's parent Application overrides nothing its pin fixes: helm parameters deployedRelease and e2eTrigger.revision only, no values or valuesObject, and only the stage's own values file",
        [ForeignStageObject] = "a stage's parent and root files hold only that stage's Applications (app-of-apps-<stage>-<cloud>, root-<stage>) and AppProjects (those its Applications and environments use), none another stage's file defines",
        [PairNotPromoted] = "a promoted stage's pair (release and pin) that differs from main's is one the previous stage ran on main's first-parent line (qa: the release entry, any release at such a pin) and not older, "
            + "or one the stage itself ran there (a rollback); never a quarantined pair (environments/rejected-releases.yaml, the working tree's or main's)",
    };
}
