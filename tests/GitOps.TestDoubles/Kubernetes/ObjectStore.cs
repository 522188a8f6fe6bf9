using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace GitOps.TestDoubles.Kubernetes;

/// <summary>
/// The fake API server's etcd: objects, one monotonically increasing resourceVersion, an event history that watches
/// resume from (until <see cref="Compact"/> drops it, which turns old resourceVersions into 410 Gone), and
/// finalizer semantics (a delete only marks; the object goes when its last finalizer is removed).
/// </summary>
public sealed partial class ObjectStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<ObjectKey, JsonObject> objects = [];
    private readonly Dictionary<(ObjectKey Key, string Manager), JsonObject> appliedConfigurations = [];
    private readonly List<StoreEvent> history = [];
    private readonly List<Channel<StoreEvent>> subscribers = [];
    private long revision = 1000;
    private long compactedThrough;

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Refuse namespaced writes into a namespace that has no Namespace object, as a real API server does.</summary>
    public bool RequireNamespaces { get; set; }

    public long CurrentRevision
    {
        get
        {
            lock (gate)
            {
                return revision;
            }
        }
    }

    public JsonObject? Get(ResourceType type, string @namespace, string name)
    {
        lock (gate)
        {
            return objects.TryGetValue(new ObjectKey(type, @namespace, name), out var found) ? Clone(found) : null;
        }
    }

    public (IReadOnlyList<JsonObject> Items, long ResourceVersion) List(ResourceType type, string? @namespace, string? labelSelector = null)
    {
        var selector = LabelSelector.Parse(labelSelector);
        lock (gate)
        {
            var items = objects.Where(entry => entry.Key.Type == type && (@namespace is null || entry.Key.Namespace == @namespace))
                .Select(entry => entry.Value).Where(selector.Matches).OrderBy(KubeMetadata.Name, StringComparer.Ordinal)
                .Select(Clone).ToList();
            return (items, revision);
        }
    }

    public int Count(ResourceType type, string? @namespace = null) => List(type, @namespace).Items.Count;

    /// <summary>Starts a watch. From null: every current object as ADDED first. Returns null (410 Gone) when too old.</summary>
    public WatchSubscription? Subscribe(long? fromResourceVersion)
    {
        var channel = Channel.CreateUnbounded<StoreEvent>();
        lock (gate)
        {
            if (fromResourceVersion < compactedThrough)
            {
                return null;
            }

            var backlog = fromResourceVersion is { } from
                ? history.Where(change => change.ResourceVersion > from)
                : objects.Select(entry => new StoreEvent(revision, "ADDED", entry.Key.Type, entry.Key.Namespace, Clone(entry.Value)));
            foreach (var change in backlog)
            {
                channel.Writer.TryWrite(change);
            }

            subscribers.Add(channel);
        }

        return new WatchSubscription(channel.Reader, () =>
        {
            lock (gate)
            {
                subscribers.Remove(channel);
            }

            channel.Writer.TryComplete();
        });
    }

    /// <summary>Forgets the event history, as etcd compaction does: watches from any older version get 410 Gone.</summary>
    public void Compact()
    {
        lock (gate)
        {
            compactedThrough = revision;
            history.Clear();
        }
    }

    private static JsonObject Clone(JsonObject value) => (JsonObject)value.DeepClone();
}
