namespace GitOps.Platform.ArgoCd.Internal;

/// <summary>
/// Which Applications belong to a parent (transitively, for nested app-of-apps): those carrying the parent's name
/// in the <c>app.kubernetes.io/instance</c> label or the <c>argocd.argoproj.io/tracking-id</c> annotation (label or
/// annotation tracking), and those the parent lists as its own resources of kind Application. Applications the parent
/// lists but that do not exist yet are reported as missing.
/// </summary>
internal sealed record ApplicationFamily(ArgoApplication? Parent, IReadOnlyList<ArgoApplication> Children, IReadOnlyList<string> Missing)
{
    public static ApplicationFamily Of(string parentName, IReadOnlyDictionary<string, ArgoApplication> applications)
    {
        applications.TryGetValue(parentName, out var parent);
        var members = new Dictionary<string, ArgoApplication>(StringComparer.Ordinal);
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>([parentName]);
        while (pending.TryDequeue(out var owner))
        {
            var listed = applications.TryGetValue(owner, out var ownerApplication)
                ? ownerApplication.Resources.Where(resource => resource.Kind == "Application").Select(resource => resource.Name)
                : [];
            foreach (var name in listed.Where(name => !applications.ContainsKey(name)))
            {
                missing.Add(name);
            }

            var children = applications.Values.Where(candidate => candidate.Name != parentName && !members.ContainsKey(candidate.Name)
                && (IsTrackedBy(candidate, owner) || listed.Contains(candidate.Name, StringComparer.Ordinal)));
            foreach (var child in children.ToList())
            {
                members[child.Name] = child;
                pending.Enqueue(child.Name);
            }
        }

        return new ApplicationFamily(parent, [.. members.Values.OrderBy(child => child.Name, StringComparer.Ordinal)], [.. missing]);
    }

    public IEnumerable<ArgoApplication> Members => Parent is null ? Children : Children.Prepend(Parent);

    private static bool IsTrackedBy(ArgoApplication candidate, string owner) =>
        (candidate.Labels.TryGetValue(ArgoCdNames.InstanceLabel, out var instance) && instance == owner)
        || (candidate.Annotations.TryGetValue(ArgoCdNames.TrackingIdAnnotation, out var tracking)
            && tracking.StartsWith(owner + ":", StringComparison.Ordinal));
}
