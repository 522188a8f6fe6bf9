namespace GitOps.TestDoubles.Kubernetes;

/// <summary>Every call against the fake cluster in the order it happened, for ordering assertions.</summary>
public sealed class CallLog
{
    private readonly Lock gate = new();
    private readonly List<KubeCall> calls = [];

    public IReadOnlyList<KubeCall> All
    {
        get
        {
            lock (gate)
            {
                return [.. calls];
            }
        }
    }

    public KubeCall Record(string actor, string verb, string resource, string @namespace = "", string name = "", string detail = "")
    {
        lock (gate)
        {
            var call = new KubeCall(calls.Count + 1, actor, verb, resource, @namespace, name, detail);
            calls.Add(call);
            return call;
        }
    }

    /// <summary>Client calls with the given verb on the given resource, in order.</summary>
    public IReadOnlyList<KubeCall> Requests(string verb, string resource) =>
        [.. All.Where(call => call.Actor == "client" && call.Verb == verb && call.Resource == resource)];
}
