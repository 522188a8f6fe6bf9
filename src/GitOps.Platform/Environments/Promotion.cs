namespace GitOps.Platform.Environments;

/// <summary>One step of the promotion order.</summary>
public sealed record Promotion(Stage From, Stage To, PromotionTrigger Trigger)
{
    public bool IsAutomatic => Trigger != PromotionTrigger.Manual;

    public override string ToString() => $"{From.ToName()} -> {To.ToName()} ({EnvironmentNames.Kebab(Trigger)})";
}
