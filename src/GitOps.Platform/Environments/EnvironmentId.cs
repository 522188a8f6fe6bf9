namespace GitOps.Platform.Environments;

/// <summary>One environment: a stage on a cloud, written <c>qa-int-gcp</c>.</summary>
public readonly record struct EnvironmentId(Stage Stage, Cloud Cloud)
{
    public override string ToString() => $"{Stage.ToName()}-{Cloud.ToName()}";

    /// <summary>Parses <c>stage-cloud</c>; the cloud is the last segment because stage names may contain hyphens.</summary>
    public static bool TryParse(string? text, out EnvironmentId environment)
    {
        environment = default;
        var separator = text?.LastIndexOf('-') ?? -1;
        if (separator <= 0
            || !EnvironmentNames.TryParseStage(text![..separator], out var stage)
            || !EnvironmentNames.TryParseCloud(text[(separator + 1)..], out var cloud))
        {
            return false;
        }

        environment = new EnvironmentId(stage, cloud);
        return true;
    }
}
