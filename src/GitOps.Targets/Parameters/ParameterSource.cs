namespace GitOps.Targets.Parameters;

/// <summary>Where a parameter's value came from, highest precedence first.</summary>
public enum ParameterSource
{
    CommandLine,
    EnvironmentVariable,
    ProfileFile,
    ParametersFile,
    Default,
}
