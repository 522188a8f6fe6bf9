using System.Text.RegularExpressions;
using GitOps.Platform.Promotion;
using GitOps.Targets.Errors;

namespace GitOps.Platform.Environments.Loading;

/// <summary>
/// What a pipeline trigger sends (STAGE, CLOUD, RELEASE, RELEASE_ENTRY_VERSION), checked against the stage catalog and
/// SemVer before anything runs: anyone holding the trigger token chooses these values. Each refusal is one line naming
/// the variable (and its flag) and what is allowed.
/// </summary>
public static partial class TriggerInputs
{
    /// <summary>The stage, and the environment when a cloud is given, must be declared in the catalog.</summary>
    public static void RequireDeclared(StageCatalog catalog, Stage? stage, Cloud? cloud)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (stage is not { } requested)
        {
            return;
        }

        var declared = catalog.Stages.FirstOrDefault(definition => definition.Stage == requested)
            ?? throw new UsageException($"--stage {requested.ToName()} (STAGE): {catalog.SourceFile} declares no such stage; stages: {string.Join(", ", catalog.Stages.Select(definition => definition.Stage.ToName()))}");
        if (cloud is { } wanted && !declared.Clouds.Contains(wanted))
        {
            throw new UsageException($"--cloud {wanted.ToName()} (CLOUD): {catalog.SourceFile} declares no environment {requested.ToName()}-{wanted.ToName()}; clouds of stage {requested.ToName()}: {string.Join(", ", declared.Clouds.Select(EnvironmentNames.ToName))}");
        }
    }

    /// <summary>RELEASE as the PostSync hook reports it: a SemVer version on SemVer stages, a branch name on the others.</summary>
    public static void RequireRelease(StageCatalog catalog, Stage stage, string? release)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (release is null)
        {
            return;
        }

        if (catalog.RequiresSemVer(stage))
        {
            RequireSemVer(release, "--release (RELEASE)", $"stage {stage.ToName()} deploys SemVer releases");
        }
        else if (!BranchName().IsMatch(release) || release.Contains("..", StringComparison.Ordinal) || release.EndsWith(".lock", StringComparison.Ordinal))
        {
            throw new UsageException($"--release (RELEASE): '{release}' is not a branch name; stage {stage.ToName()} deploys a branch of the platform repository (letters, digits, '.', '_', '-', '/'), e.g. main");
        }
    }

    /// <summary>A SemVer version, or a usage error naming <paramref name="source"/> (why: <paramref name="context"/>).</summary>
    public static void RequireSemVer(string text, string source, string? context = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            ReleaseVersion.Parse(text, source);
        }
        catch (PromotionRefusedException refusal)
        {
            throw new UsageException(context is null ? refusal.Message : $"{refusal.Message} ({context})", refusal);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._/-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex BranchName();
}
