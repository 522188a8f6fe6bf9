namespace GitOps.Platform.Promotion.Pins;

/// <summary>Whether a pin's commit could be found (<see cref="RevisionHistory.LookUpAsync"/>).</summary>
public enum CommitLookup
{
    /// <summary>In this clone, or fetched just now.</summary>
    Present,

    /// <summary>Neither here nor on the remote (or the remote refused to give it).</summary>
    Missing,

    /// <summary>Not here, and the remote accepted the connection but did not answer within the fetch timeout.</summary>
    RemoteSilent,
}
