using YamlDotNet.Core.Events;

namespace GitOps.Platform.Promotion.Yaml;

/// <summary>
/// One node of a YAML document as the parser saw it, keeping the parser events (and so their text offsets)
/// instead of resolving aliases the way YamlDotNet's representation model does.
/// </summary>
internal sealed record YamlOutlineNode(ParsingEvent Event, IReadOnlyList<KeyValuePair<YamlOutlineNode, YamlOutlineNode>> Pairs)
{
    public Scalar? Scalar => Event as Scalar;

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
