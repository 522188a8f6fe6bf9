namespace GitOps.Platform.Promotion.Pins;

/// <summary>Where a commit stands against main (<see cref="MainLine"/>).</summary>
public enum MainLineAnswer
{
    /// <summary>On main's first-parent line: main has been at this commit.</summary>
    OnMain,

    /// <summary>An ancestor of main only through a merge's second parent: main never had its tree.</summary>
    MergedBranchOnly,

    /// <summary>A commit main does not contain (a merge request's, another branch's).</summary>
    NotOnMain,

    /// <summary>No commit of this clone, even after fetching main.</summary>
    NotACommit,

    /// <summary>Neither the remote's main nor a local one is known: nothing to check against.</summary>
    Unknown,
}
