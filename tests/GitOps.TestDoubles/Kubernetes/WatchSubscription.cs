using System.Threading.Channels;

namespace GitOps.TestDoubles.Kubernetes;

/// <summary>A live feed of store events; dispose to stop receiving.</summary>
public sealed class WatchSubscription(ChannelReader<StoreEvent> events, Action unsubscribe) : IDisposable
{
    public ChannelReader<StoreEvent> Events { get; } = events;

    public void Dispose() => unsubscribe();
}
