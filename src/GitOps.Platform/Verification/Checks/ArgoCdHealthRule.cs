using GitOps.Platform.Environments;
using GitOps.Platform.Environments.Yaml;

namespace GitOps.Platform.Verification.Checks;

/// <summary>
/// Since Argo CD 1.8 a parent Application does not wait on the health of its children; without this Lua check in
/// argocd-cm sync waves do not wait for a component to be healthy and the PostSync e2e trigger fires too early.
/// </summary>
internal static class ArgoCdHealthRule
{
    public const string Key = "resource.customizations.health.argoproj.io_Application";

    /// <summary>argocd-cmd-params-cm: seconds after which the controller terminates a sync; 0 (Argo CD's default) is never.</summary>
    public const string SyncTimeoutKey = "controller.sync.timeout.seconds";

    // String literals the script must compare with (quoted, so a mention in a comment does not count).
    private static readonly string[] FailureMarkers = ["\"ComparisonError\"", "\"InvalidSpecError\"", "\"Failed\""];

    public static void Check(RepositoryFiles files, FindingSink sink)
    {
        var path = EnvironmentLayout.ArgoCdValuesFile;
        if (!files.Exists(path))
        {
            sink.Add(path, 1, RuleIds.ApplicationHealthCheckMissing,
                $"missing: the management Argo CD's argo-cd chart values must set configs.cm.\"{Key}\"");
            return;
        }

        if (YamlFile.Read(files, path, sink) is not { } values)
        {
            return;
        }

        var script = values.Root.At("configs", "cm", Key).Text();
        if (script is null || !script.Contains("obj.status", StringComparison.Ordinal) || !script.Contains("health", StringComparison.Ordinal))
        {
            sink.Add(path, values.LineOf("configs", "cm", Key), RuleIds.ApplicationHealthCheckMissing,
                $"configs.cm.\"{Key}\" must hold a Lua health check reading obj.status.health, so the app-of-apps waits for its children");
        }
        else if (!script.Contains("sync.comparedTo", StringComparison.Ordinal) || !script.Contains("obj.operation", StringComparison.Ordinal))
        {
            sink.Add(path, values.LineOf("configs", "cm", Key), RuleIds.ApplicationHealthCheckMissing,
                $"configs.cm.\"{Key}\" must keep a child Progressing while obj.operation is set and while status.sync.comparedTo differs from its spec; "
                + "otherwise a child still Synced/Healthy on its old revision counts as ready");
        }
        else if (FailureMarkers.FirstOrDefault(marker => !script.Contains(marker, StringComparison.Ordinal)) is { } missing)
        {
            sink.Add(path, values.LineOf("configs", "cm", Key), RuleIds.ApplicationHealthCheckMissing,
                $"configs.cm.\"{Key}\" must turn a child whose sync failed for good (operationState.phase Failed/Error), a ComparisonError or an "
                + $"InvalidSpecError into Degraded ({missing} is never checked); Argo CD fails a sync wave only on Degraded, so the parent would wait for ever");
        }

        CheckSyncTimeout(values, path, sink);

        // The app-of-apps sends Applications with Vault placeholders to this plugin; without it they fail to render.
        if (values.Root.At("configs", "cmp", "plugins", VaultPluginRule.PluginName, "generate") is null)
        {
            sink.Add(path, values.LineOf("configs"), RuleIds.PlaceholderOutsidePlugin,
                $"configs.cmp.plugins.{VaultPluginRule.PluginName} is missing: the app-of-apps renders Applications with Vault placeholders through that plugin");
        }
    }

    private static void CheckSyncTimeout(YamlFile values, string path, FindingSink sink)
    {
        var timeout = values.Root.At("configs", "params", SyncTimeoutKey).Text();
        if (!int.TryParse(timeout, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds) || seconds <= 0)
        {
            sink.Add(path, timeout is null ? values.LineOf("configs") : values.LineOf("configs", "params", SyncTimeoutKey), RuleIds.ApplicationHealthCheckMissing,
                $"configs.params.\"{SyncTimeoutKey}\" is {(timeout is null ? "not set" : $"'{timeout}'")}: Argo CD then never ends a sync that cannot finish, "
                + "and automated sync waits behind it; set a whole number of seconds above 0");
        }
    }
}
