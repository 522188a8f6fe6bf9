using GitOps.Platform.Pipelines;
using GitOps.Targets.Errors;

namespace GitOps.Platform.Tests.Pipelines;

/// <summary>In a pipeline a variable that runs code before the build's first line stops it at start.</summary>
public sealed class PipelineStartupVariablesTests
{
    [Theory]
    [InlineData("BASH_ENV")]
    [InlineData("LD_PRELOAD")]
    [InlineData("DOTNET_STARTUP_HOOKS")]
    [InlineData("CORECLR_ENABLE_PROFILING")]
    public void In_a_pipeline_a_loader_or_startup_variable_is_refused_in_one_line_naming_it(string variable)
    {
        var failure = Should.Throw<UsageException>(() => PipelineStartupVariables.ThrowIfSet(true, new Dictionary<string, string?> { [variable] = "$(echo pwned >&2)" }.GetValueOrDefault));

        failure.Message.ShouldStartWith($"{variable} is set: in a pipeline");
        failure.Message.ShouldNotContain("\n");
        failure.Message.ShouldNotContain("pwned");
    }

    [Fact]
    public void Locally_or_unset_nothing_is_refused_and_the_generated_command_unsets_every_one()
    {
        PipelineStartupVariables.ThrowIfSet(false, new Dictionary<string, string?> { ["LD_PRELOAD"] = "/tmp/x.so" }.GetValueOrDefault);
        PipelineStartupVariables.ThrowIfSet(true, new Dictionary<string, string?> { ["PATH"] = "/usr/bin" }.GetValueOrDefault);
        foreach (var name in PipelineStartupVariables.Names)
        {
            PipelineStartupVariables.BuildCommand.ShouldContain($"-u {name} ");
        }
    }
}
