namespace GitOps.Platform.Tests.Terraform.Schema;

/// <summary>Where a block and its arguments and nested blocks start in a file (1-based lines).</summary>
internal sealed class HclOutlineBlock(string type, IReadOnlyList<string> labels, int line)
{
    public string Type { get; } = type;

    public IReadOnlyList<string> Labels { get; } = labels;

    public int Line { get; } = line;

    public List<HclOutlineBlock> Blocks { get; } = [];

    /// <summary>Argument name to the line it is set on.</summary>
    public Dictionary<string, int> Arguments { get; } = new(StringComparer.Ordinal);

    /// <summary>The <paramref name="index"/>th nested block of that type (and labels, when given), in file order.</summary>
    public HclOutlineBlock? Block(string blockType, int index = 0, params string[] blockLabels) =>
        Blocks.Where(block => block.Type == blockType && (blockLabels.Length == 0 || block.Labels.SequenceEqual(blockLabels)))
            .ElementAtOrDefault(index);

    /// <summary>The line of an argument or nested block by that name, else this block's own line.</summary>
    public int LineOf(string name) =>
        Arguments.TryGetValue(name, out var argumentLine) ? argumentLine : Blocks.FirstOrDefault(block => block.Type == name)?.Line ?? Line;

    public bool WritesAsBlock(string name) => !Arguments.ContainsKey(name) && Blocks.Any(block => block.Type == name);
}
