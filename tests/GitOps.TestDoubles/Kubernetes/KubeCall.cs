namespace GitOps.TestDoubles.Kubernetes;

/// <summary>
/// One thing that happened to the fake cluster, in order: a client request (actor "client"), an action of the simulated
/// controller ("controller"), or a step a test reports itself ("external", e.g. terraform destroy).
/// </summary>
public sealed record KubeCall(long Sequence, string Actor, string Verb, string Resource, string Namespace, string Name, string Detail)
{
    public override string ToString() =>
        $"#{Sequence} {Actor} {Verb} {Resource} {Namespace}/{Name}{(Detail.Length == 0 ? string.Empty : " " + Detail)}";
}
