using System.Text;

namespace GitOps.Targets.Output;

/// <summary>The target whose output is being written; when buffered (parallel runs) its lines are held until it ends.</summary>
internal sealed class TargetScope(string name, bool buffered)
{
    public string Name { get; } = name;

    public StringBuilder? Buffer { get; } = buffered ? new StringBuilder() : null;
}
