namespace GitOps.Platform.ArgoCd;

/// <summary>
/// One resource an application manages, from <c>status.resources</c> (its sync and health) or from the last
/// operation's <c>syncResult.resources</c> (its apply result and message).
/// </summary>
public sealed record ArgoResourceStatus(string Kind, string Namespace, string Name, string Status, string Health, string Message)
{
    /// <summary>How we name a resource in messages: Kind/name.</summary>
    public string Reference => $"{Kind}/{Name}";
}
