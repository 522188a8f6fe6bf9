using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using GitOps.Platform.Environments.Yaml;
using YamlDotNet.RepresentationModel;

namespace GitOps.Platform.Verification.Checks;

/// <summary>
/// What helm (and Argo CD, which runs helm) refuses in a YAML file although YamlDotNet reads it: helm's parser
/// (go-yaml through sigs.k8s.io/yaml) rejects invalid UTF-8, every %YAML or %TAG directive, a standard tag whose
/// value does not fit it (<c>!!int abc</c>, <c>!!binary</c> that is not base64), and aliases that expand into far
/// more nodes than the file holds (a "billion laughs" alias bomb). Each problem is named with its line.
/// </summary>
internal static partial class HelmYamlCompatibility
{
    private const string Refused = "helm refuses this file";

    /// <summary>Problems found in the raw bytes, before parsing: invalid UTF-8, control characters and directives.</summary>
    public static (int Line, string Message)? InBytes(ReadOnlySpan<byte> bytes)
    {
        var line = 1;
        var lineStart = true;
        for (var index = bytes.StartsWith("\uFEFF"u8) ? 3 : 0; index < bytes.Length;)
        {
            if (Rune.DecodeFromUtf8(bytes[index..], out var rune, out var consumed) == OperationStatus.InvalidData)
            {
                return (line, $"{Refused}: invalid UTF-8 (byte 0x{bytes[index]:X2}); save it as UTF-8");
            }

            if (!YamlCharacters.IsAllowed(rune))
            {
                // YamlDotNet reads a NUL or an escape character; helm's parser stops at it ("control characters are not allowed").
                return (line, $"{Refused}: it holds {YamlCharacters.Describe(rune)}, which YAML does not allow; remove it");
            }

            if (lineStart && bytes[index] == (byte)'%')
            {
                return (line, $"{Refused}: it does not accept YAML directives (%YAML, %TAG); remove the directive line");
            }

            lineStart = bytes[index] == (byte)'\n';
            line += bytes[index] == (byte)'\n' ? 1 : 0;
            index += consumed;
        }

        return null;
    }

    /// <summary>Problems in the parsed documents: standard tags that do not fit their value, alias bombs.</summary>
    public static (int Line, string Message)? InDocuments(YamlStream stream)
    {
        foreach (var document in stream.Documents)
        {
            if (BadTag(document.RootNode) is { } tagged)
            {
                return tagged;
            }

            if (new AliasBudget().Exceeded(document.RootNode) is { } alias)
            {
                return (alias, $"{Refused}: its aliases expand into far more nodes than it holds (an alias bomb); write the values out");
            }
        }

        return null;
    }

    private static (int Line, string Message)? BadTag(YamlNode root)
    {
        var seen = new HashSet<YamlNode>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<YamlNode>([root]);
        while (pending.TryPop(out var node))
        {
            if (!seen.Add(node))
            {
                continue;
            }

            switch (node)
            {
                case YamlScalarNode scalar when !scalar.Tag.IsEmpty && !Fits(scalar.Tag.Value, scalar.Value ?? string.Empty):
                    return (checked((int)scalar.Start.Line),
                        $"{Refused}: the value tagged {Short(scalar.Tag.Value)} is not a valid {Short(scalar.Tag.Value)[2..]}; remove the tag or fix the value");
                case YamlMappingNode mapping:
                    foreach (var (key, value) in mapping.Children.Reverse())
                    {
                        pending.Push(value);
                        pending.Push(key);
                    }

                    break;
                case YamlSequenceNode sequence:
                    foreach (var item in sequence.Children.Reverse())
                    {
                        pending.Push(item);
                    }

                    break;
            }
        }

        return null;
    }

    private static string Short(string tag) => tag.StartsWith("tag:yaml.org,2002:", StringComparison.Ordinal) ? "!!" + tag["tag:yaml.org,2002:".Length..] : tag;

    // Only the standard tags helm decodes into a type; helm ignores other (local) tags.
    private static bool Fits(string tag, string value) => tag switch
    {
        "tag:yaml.org,2002:int" => Integer().IsMatch(value.Replace("_", string.Empty, StringComparison.Ordinal)),
        "tag:yaml.org,2002:float" => Float().IsMatch(value.Replace("_", string.Empty, StringComparison.Ordinal)) || Integer().IsMatch(value),
        "tag:yaml.org,2002:bool" => Bool().IsMatch(value),
        "tag:yaml.org,2002:null" => value is "" or "~" or "null" or "Null" or "NULL",
        "tag:yaml.org,2002:binary" => IsBase64(value),
        "tag:yaml.org,2002:timestamp" => DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _),
        _ => true,
    };

    private static bool IsBase64(string value)
    {
        var compact = string.Concat(value.Where(character => !char.IsWhiteSpace(character)));
        var buffer = new byte[(compact.Length * 3 / 4) + 3];
        return Convert.TryFromBase64String(compact, buffer, out _);
    }

    [GeneratedRegex(@"^[-+]?(0|[1-9][0-9]*|0[0-7]+|0o[0-7]+|0x[0-9a-fA-F]+|0b[01]+)$")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$")]
    private static partial Regex Float();

    [GeneratedRegex(@"^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$")]
    private static partial Regex Bool();

    /// <summary>
    /// Counts what decoding would visit, expanding aliases, the way go-yaml guards against alias bombs: many aliases
    /// that make up most of what is decoded. Stops as soon as the limit is crossed, so a bomb is never expanded.
    /// </summary>
    private sealed class AliasBudget
    {
        private const long HardLimit = 4_000_000;
        private long decoded;
        private long aliases;

        public int? Exceeded(YamlNode root)
        {
            var distinct = new HashSet<YamlNode>(ReferenceEqualityComparer.Instance);
            var pending = new Stack<YamlNode>([root]);
            while (pending.TryPop(out var node))
            {
                decoded++;
                if (!distinct.Add(node))
                {
                    aliases++; // a node reached again is an alias to it
                    if (aliases > 100 && decoded > 1000 && (double)aliases / decoded > AllowedRatio() || decoded > HardLimit)
                    {
                        return checked((int)node.Start.Line);
                    }
                }

                var children = node switch
                {
                    YamlMappingNode mapping => mapping.Children.SelectMany(entry => new[] { entry.Key, entry.Value }),
                    YamlSequenceNode sequence => sequence.Children,
                    _ => [],
                };
                foreach (var child in children)
                {
                    pending.Push(child);
                }
            }

            return null;
        }

        // go-yaml allows 99% aliases in small documents, falling to 10% for very large ones.
        private double AllowedRatio() => decoded switch
        {
            <= 400_000 => 0.99,
            >= 4_000_000 => 0.10,
            _ => 0.99 - (0.89 * (decoded - 400_000) / 3_600_000),
        };
    }
}
