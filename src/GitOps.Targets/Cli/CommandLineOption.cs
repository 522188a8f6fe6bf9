using GitOps.Targets.Text;

namespace GitOps.Targets.Cli;

/// <summary>One <c>--name value...</c> or <c>--name=value</c> as typed.</summary>
internal sealed record CommandLineOption(string Name, List<string> Values)
{
    /// <summary>Typed as <c>--name=value</c>: the value is the option's own and never a target name.</summary>
    public bool Inline { get; init; }

    public string Key => KebabCase.Normalize(Name);
}
