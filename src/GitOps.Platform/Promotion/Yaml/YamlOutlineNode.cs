using YamlDotNet.Core.Events;

namespace GitOps.Platform.Promotion.Yaml;

/// <summary>
/// One node of a YAML document as the parser saw it, keeping the parser events (and so their text offsets)
/// instead of resolving aliases the way YamlDotNet's representation model does.
/// </summary>
internal sealed record YamlOutlineNode(ParsingEvent Event, IReadOnlyList<KeyValuePair<YamlOutlineNode, YamlOutlineNode>> Pairs)
{
    public Scalar? Scalar => Event as Scalar;

    /// <summary>A sequence's items, in order; empty for every other node.</summary>
    public IReadOnlyList<YamlOutlineNode> Items { get; init; } = [];

    public bool IsSequence => Event is SequenceStart;

    /// <summary>The value of the mapping key <paramref name="key"/>, or null when this is no mapping or lacks it.</summary>
    public YamlOutlineNode? Child(string key) => Pairs.FirstOrDefault(pair => pair.Key.Scalar?.Value == key).Value;

    public bool IsMapping => Event is MappingStart;

    public bool IsAlias => Event is AnchorAlias;

    public string Describe() => Event switch
    {
        YamlDotNet.Core.Events.Scalar => "a scalar",
        MappingStart => "a mapping",
        SequenceStart => "a sequence",
        AnchorAlias alias => $"an alias (*{alias.Value})",
        _ => "an unexpected node",
    };
}
