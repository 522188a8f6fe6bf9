using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace GitOps.Targets.GitLabCi.Yaml;

/// <summary>Writes YAML through YamlDotNet's emitter events; the optional helpers write nothing for null or empty values.</summary>
internal sealed class YamlEventWriter(IEmitter emitter)
{
    public void BeginMapping() => emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Block));

    public void EndMapping() => emitter.Emit(new MappingEnd());

    public void BeginSequence() => emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Block));

    public void EndSequence() => emitter.Emit(new SequenceEnd());

    public void Comment(string line) => emitter.Emit(new Comment(line, false));

    public void Key(string key) => Text(key);

    public void Text(string value) => Scalar(value, ScalarStyles.For(value));

    /// <summary>Rule expressions are always quoted: they hold quotes, <c>=~ /regex/</c> and <c>$</c> and read best alike.</summary>
    public void Expression(string value) => Scalar(value, ScalarStyle.SingleQuoted);

    public void Boolean(bool value) => Scalar(value ? "true" : "false", ScalarStyle.Plain);

    public void Integer(int value) => Scalar(value.ToString(CultureInfo.InvariantCulture), ScalarStyle.Plain);

    public void Text(string key, string? value)
    {
        if (value is not null)
        {
            Key(key);
            Text(value);
        }
    }

    public void Boolean(string key, bool? value)
    {
        if (value is { } flag)
        {
            Key(key);
            Boolean(flag);
        }
    }

    public void TextList(string key, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        Key(key);
        BeginSequence();
        foreach (var value in values)
        {
            Text(value);
        }

        EndSequence();
    }

    public void Variables(string key, IReadOnlyDictionary<string, string> variables)
    {
        if (variables.Count == 0)
        {
            return;
        }

        Key(key);
        BeginMapping();
        foreach (var (name, value) in variables)
        {
            Key(name);
            Text(value);
        }

        EndMapping();
    }

    private void Scalar(string value, ScalarStyle style) =>
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, value, style, true, true));
}
