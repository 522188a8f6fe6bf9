using GitOps.Platform.Environments;

namespace GitOps.Platform.Verification.Checks;

/// <summary>The catalog and the files agree: every environment has its files, and no file is left over.</summary>
internal static class EnvironmentFilesRule
{
    public static void Check(VerificationContext context)
    {
        var (files, catalog, sink) = (context.Files, context.Catalog, context.Sink);
        var expected = new HashSet<string>(StringComparer.Ordinal);
        foreach (var stage in catalog.Stages)
        {
            var appOfApps = EnvironmentLayout.AppOfAppsFile(stage.Stage);
            expected.Add(appOfApps);
            if (!files.Exists(appOfApps))
            {
                sink.Add(EnvironmentLayout.StagesFile, stage.Line, RuleIds.EnvironmentFileMissing,
                    $"stage {stage.Stage.ToName()} has no Argo CD Application file {appOfApps}");
            }

            var root = EnvironmentLayout.RootFile(stage.Stage);
            expected.Add(root);
            if (!files.Exists(root))
            {
                sink.Add(EnvironmentLayout.StagesFile, stage.Line, RuleIds.EnvironmentFileMissing,
                    $"stage {stage.Stage.ToName()} has no root Application file {root}; without it a merged change to {appOfApps} takes effect only when someone applies it");
            }

            foreach (var environment in stage.Environments)
            {
                var values = EnvironmentLayout.ValuesFile(environment);
                expected.Add(values);
                if (!files.Exists(values))
                {
                    sink.Add(EnvironmentLayout.StagesFile, stage.Line, RuleIds.EnvironmentFileMissing,
                        $"environment {environment} has no values file {values}");
                }
            }
        }

        var known = string.Join(", ", catalog.Environments);
        foreach (var orphan in files.Under(EnvironmentLayout.EnvironmentsDirectory, ".yaml", ".yml")
            .Where(IsEnvironmentFile)
            .Where(file => !expected.Contains(file)))
        {
            sink.Add(orphan, 1, RuleIds.EnvironmentFileOrphan,
                $"belongs to no environment of {EnvironmentLayout.StagesFile} ({known}); delete it, move it to its stage's folder, or add the environment");
        }
    }

    private static bool IsEnvironmentFile(string file)
    {
        var name = Path.GetFileName(file);
        return name.StartsWith("values-", StringComparison.Ordinal) || name.StartsWith("app-of-apps-", StringComparison.Ordinal)
            || name.StartsWith("root-", StringComparison.Ordinal);
    }
}
