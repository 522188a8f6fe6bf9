namespace GitOps.Platform.Tests.Toolchain;

/// <summary>Tests that change the test process's own environment variables run alone, after every parallel test.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentTests
{
    public const string Name = "process environment";
}
