using GitOps.Platform.Environments;

namespace GitOps.Platform.Verification.Checks;

/// <summary>
/// What helm is given for one environment, as Argo CD gives it: the stage's chart (a promoted stage's at its pin), the
/// values file at the same commit, and the parent's helm parameters (a promoted stage's release, forceString).
/// </summary>
/// <param name="Environment">The environment.</param>
/// <param name="Values">Its values file as committed in the working tree (where its findings point).</param>
/// <param name="Chart">The chart its stage runs.</param>
/// <param name="ValuesFile">The values file helm reads, on this machine (the pinned commit's for a promoted stage).</param>
/// <param name="Parameters">Passed as <c>--set-string</c>; null when the parent sets none.</param>
/// <param name="Release">The release it runs: the parent's parameter for a promoted stage, else its values file's.</param>
internal sealed record EnvironmentHelmInputs(
    EnvironmentId Environment, YamlFile Values, StageChart Chart, string ValuesFile, IReadOnlyDictionary<string, string>? Parameters, string? Release);
