using System.Text.Json.Nodes;

namespace GitOps.Platform.ArgoCd;

/// <summary>How Argo CD authenticates to an environment cluster. Deliberately not a record: no generated ToString.</summary>
public abstract class ClusterAuth
{
    /// <summary>Values that must be masked wherever the build prints anything.</summary>
    internal abstract IEnumerable<string> Secrets { get; }

    /// <summary>This authentication's part of the cluster Secret's <c>config</c> JSON.</summary>
    internal abstract void WriteTo(JsonObject config);

    public override string ToString() => GetType().Name;
}
