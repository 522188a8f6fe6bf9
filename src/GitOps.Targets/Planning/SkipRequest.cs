namespace GitOps.Targets.Planning;

/// <summary><c>--skip</c> as typed: absent, bare (skip everything not invoked), or a list of target names.</summary>
internal sealed record SkipRequest(bool SkipAllNotInvoked, IReadOnlyList<string> Names)
{
    public static readonly SkipRequest None = new(false, []);
}
