namespace GitOps.Targets;

/// <summary>
/// What a <c>Requires(() => X)</c> returns when something is not set that no parameter names (a connection read from
/// variables and .env): unmet, reported with the other missing values before anything runs, in these words. Like a
/// missing parameter it is not given rather than wrong, so --plan still plans; a value that is wrong throws instead.
/// </summary>
/// <param name="Reason">One line: what is missing and where to set it.</param>
public sealed record RequirementUnmet(string Reason);
