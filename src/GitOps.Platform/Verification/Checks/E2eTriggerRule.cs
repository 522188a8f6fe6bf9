using System.Text.RegularExpressions;
using GitOps.Platform.ArgoCd;
using GitOps.Platform.Environments;
using GitOps.Platform.Environments.Yaml;
using GitOps.Platform.Pipelines;
using GitOps.Platform.Verification.Rendering;
using YamlDotNet.RepresentationModel;

namespace GitOps.Platform.Verification.Checks;

/// <summary>
/// The environment must render a PostSync hook Job that triggers the e2e pipeline with its STAGE, CLOUD and RELEASE,
/// posted as the pipeline inputs stage, cloud, release and revision (never as pipeline variables, which GitLab refuses
/// once ProvisionManagementCluster restricted them), reading its token by reference (an inline token would be a secret in Git) from the Secret ProvisionManagementCluster
/// creates (<see cref="E2eTriggerToken"/>). The chart renders into the management cluster, where no sealed-secrets
/// controller runs, so a SealedSecret there would never be unsealed.
/// </summary>
internal sealed partial class E2eTriggerRule(VerificationContext context, EnvironmentId environment, YamlFile values, string? release)
{
    public void Check(IReadOnlyList<RenderedDocument> documents)
    {
        foreach (var sealedSecret in documents.Where(document => document.Kind == "SealedSecret"))
        {
            context.Sink.Add(environment, sealedSecret.Template, context.Templates.LineOf(sealedSecret.Template, "kind: SealedSecret"), RuleIds.E2eTriggerInvalid,
                $"SealedSecret {sealedSecret.Name} renders into the management cluster, which runs no sealed-secrets controller; "
                + $"the e2e trigger token comes from Secret {E2eTriggerToken.SecretName}, created by ProvisionManagementCluster from {E2eTriggerToken.Variable}");
        }

        var hooks = documents.Where(document => document.Kind == "Job"
            && document.Root.At("metadata", "annotations", "argocd.argoproj.io/hook").Text()?.Contains("PostSync", StringComparison.Ordinal) == true)
            .ToList();
        var trigger = hooks.FirstOrDefault(hook => Containers(hook).Any(container =>
            Command(container).Contains("/trigger/pipeline", StringComparison.Ordinal)));
        var served = GitOpsPipelines.PostSyncEnvironments(context.Catalog).Contains(environment);
        if (!served)
        {
            if (trigger is not null)
            {
                context.Sink.Add(environment, values.Path, values.LineOf("e2eTrigger", "enabled"), RuleIds.E2eTriggerInvalid,
                    $"renders the PostSync e2e trigger hook, but {GitOpsPipelines.FileName} has no job for a trigger with STAGE={environment.Stage.ToName()} "
                    + $"CLOUD={environment.Cloud.ToName()}; GitLab refuses such a trigger (\"No stages / jobs for this pipeline.\") and every sync fails: "
                    + "set e2eTrigger.enabled: false (only promotion stages run e2e from the hook)");
            }

            return;
        }

        if (trigger is null)
        {
            context.Sink.Add(environment, values.Path, values.LineOf("e2eTrigger", "enabled"), RuleIds.E2eTriggerInvalid,
                "renders no PostSync hook Job calling GitLab's /trigger/pipeline; the e2e tests would never start after a sync");
            return;
        }

        // Never Argo CD's namespace: a Job there can name the application controller's service account (GO024).
        var hookNamespace = E2eTriggerToken.HookNamespace(environment.Stage);
        var jobNamespace = trigger.Root.At("metadata", "namespace").Text();
        if (jobNamespace != hookNamespace)
        {
            Report(trigger, $"the e2e trigger Job runs in namespace '{jobNamespace ?? "(unset)"}'; it must run in '{hookNamespace}', the hook's own namespace, "
                + "where ProvisionManagementCluster creates its token Secret and the parents' AppProject allows Jobs", "  namespace: ");
        }

        var expected = new Dictionary<string, string?>
        {
            ["STAGE"] = environment.Stage.ToName(),
            ["CLOUD"] = environment.Cloud.ToName(),
            ["RELEASE"] = release,
        };
        var variables = Containers(trigger).SelectMany(container => container.Child("env").Items()).ToList();
        foreach (var (name, value) in expected)
        {
            var actual = variables.FirstOrDefault(variable => variable.Child("name").Text() == name)?.Child("value").Text();
            if (actual != value)
            {
                Report(trigger, $"the e2e trigger Job passes {name}='{actual ?? "(unset)"}', expected '{value}'", name);
            }
        }

        CheckPostedInputs(trigger);

        foreach (var token in variables.Where(variable => variable.Child("name").Text()?.Contains("TOKEN", StringComparison.OrdinalIgnoreCase) == true))
        {
            if (token.Child("value") is not null || token.At("valueFrom", "secretKeyRef") is not { } reference)
            {
                Report(trigger, $"the e2e trigger Job's {token.Child("name").Text()} must come from valueFrom.secretKeyRef, never inline", "TOKEN");
            }
            else if (reference.Child("name").Text() != E2eTriggerToken.SecretName || reference.Child("key").Text() != E2eTriggerToken.Key)
            {
                Report(trigger, $"the e2e trigger Job reads Secret '{reference.Child("name").Text()}' key '{reference.Child("key").Text()}', but ProvisionManagementCluster "
                    + $"creates Secret '{E2eTriggerToken.SecretName}' key '{E2eTriggerToken.Key}' (e2eTrigger.tokenSecret)", "secretKeyRef");
            }
        }
    }

    /// <summary>
    /// Each value goes out as <c>--form "inputs[name]=${VARIABLE}"</c>, the inputs .gitlab-ci.yml declares
    /// (<see cref="PipelineInputs"/>); a <c>variables[...]</c> field would make GitLab refuse the whole trigger.
    /// </summary>
    private void CheckPostedInputs(RenderedDocument trigger)
    {
        var command = string.Join('\n', Containers(trigger).Select(Command));
        if (IsFromBeforeInputs(command))
        {
            return;
        }

        foreach (var variable in PostedVariable().Matches(command).Select(match => match.Groups["name"].Value).Distinct(StringComparer.Ordinal))
        {
            var input = Posted.FirstOrDefault(posted => posted.Variable == variable).Input ?? variable.ToLowerInvariant();
            Report(trigger, $"the e2e trigger Job posts variables[{variable}]; the project lets no one set pipeline variables, so GitLab refuses the trigger: "
                + $"post inputs[{input}] (spec:inputs of {GitOpsPipelines.FileName})", $"variables[{variable}]");
        }

        foreach (var (input, variable) in Posted)
        {
            var field = $"inputs[{input}]=${{{variable}}}";
            if (!command.Contains(field, StringComparison.Ordinal))
            {
                Report(trigger, $"the e2e trigger Job does not post {field}; {GitOpsPipelines.FileName} selects and feeds the e2e jobs from that input", "/trigger/pipeline");
            }
        }
    }

    /// <summary>
    /// A promoted stage renders its pinned commit's chart, which may predate inputs: its hook posts STAGE, CLOUD and
    /// RELEASE as variables, so the pipeline gives it no job until a promotion moves the pin past the change. Reporting
    /// it would fail every Verify, the promotion merge requests' that move the pins included, so it is let through;
    /// ProvisionManagementCluster restricts pipeline variables regardless and names such a stage (<see cref="HookInputs"/>).
    /// The working tree's chart (dev, nightly) is always held to inputs.
    /// </summary>
    private bool IsFromBeforeInputs(string command) =>
        context.Catalog.IsPinned(environment.Stage) && HookInputs.PostsVariablesOnly(command);

    // The inputs the hook posts, from its container's variables of the same purpose.
    private (string Input, string Variable)[] Posted =>
    [
        (PipelineInputs.Stage(context.Catalog).Name, "STAGE"), (PipelineInputs.Cloud(context.Catalog).Name, "CLOUD"),
        (PipelineInputs.Release.Name, PipelineSources.ReleaseVariable), (PipelineInputs.Revision.Name, PipelineSources.RevisionVariable),
    ];

    [GeneratedRegex(@"variables\[(?<name>[A-Za-z0-9_]+)\]", RegexOptions.CultureInvariant)]
    private static partial Regex PostedVariable();

    private static IEnumerable<YamlNode> Containers(RenderedDocument job) => job.Root.At("spec", "template", "spec", "containers").Items();

    private static string Command(YamlNode container) => string.Join(' ',
        container.Child("command").Items().Concat(container.Child("args").Items()).Select(part => part.Text()));

    private void Report(RenderedDocument job, string message, string needle) =>
        context.Sink.Add(environment, job.Template, context.Templates.LineOf(job.Template, needle, "kind: Job"), RuleIds.E2eTriggerInvalid, message);
}
