namespace GitOps.Platform.Environments;

/// <summary>
/// The platform release a promoted environment runs, as its parent Application names it: the <c>deployedRelease</c>
/// helm parameter of the chart source (<see cref="ParentReleases"/>), with where it is written, for messages.
/// </summary>
public sealed record ParentRelease(EnvironmentId Environment, string Value, string File, int Line);
