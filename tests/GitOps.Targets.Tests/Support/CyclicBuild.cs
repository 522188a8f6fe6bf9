namespace GitOps.Targets.Tests.Support;

/// <summary>A build with two cycles: one through dependencies, one through ordering and a trigger.</summary>
internal sealed class CyclicBuild : BuildScript
{
    internal Target Alpha => _ => _.DependsOn(Beta);

    internal Target Beta => _ => _.DependsOn(Alpha);

    internal Target Gamma => _ => _.After(Delta);

    internal Target Delta => _ => _.Triggers(Gamma).After(Gamma);
}
