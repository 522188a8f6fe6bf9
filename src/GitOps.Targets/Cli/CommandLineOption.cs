using GitOps.Targets.Text;

namespace GitOps.Targets.Cli;

/// <summary>One <c>--name value...</c> or <c>--name=value</c> as typed.</summary>
internal sealed record CommandLineOption(string Name, List<string> Values)
{
    /// <summary>Typed as <c>--name=value</c>: the value is the option's own and never a target name.</summary>
    public bool Inline { get; init; }

    /// <summary>
    /// Typed with one dash (<c>-x</c>, <c>-stage</c>): never an option of ours, refused with the one it most likely meant.
    /// Its key matches no option, so nothing (not <c>-root</c> either) acts on it before it is refused.
    /// </summary>
    public bool SingleDash { get; init; }

    public string Key => SingleDash ? "-" + Name : KebabCase.Normalize(Name);
}
