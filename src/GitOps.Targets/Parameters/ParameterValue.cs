namespace GitOps.Targets.Parameters;

/// <summary>A bound parameter as <c>--help</c> shows it: its value (masked for secrets) and where it came from.</summary>
internal sealed record ParameterValue(ParameterDescriptor Parameter, object? Value, ParameterSource Source, string? Origin);
