using GitOps.Targets.Text;

namespace GitOps.Targets.Cli;

/// <summary>One <c>--name value...</c> as typed.</summary>
internal sealed record CommandLineOption(string Name, List<string> Values)
{
    public string Key => KebabCase.Normalize(Name);
}
