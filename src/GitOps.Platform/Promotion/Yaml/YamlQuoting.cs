using System.Text;

namespace GitOps.Platform.Promotion.Yaml;

internal static class YamlQuoting
{
    /// <summary>A double-quoted YAML scalar that reads back as exactly <paramref name="value"/>.</summary>
    public static string DoubleQuoted(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var character in value)
        {
            _ = character switch
            {
                '"' => builder.Append("\\\""),
                '\\' => builder.Append("\\\\"),
                '\n' => builder.Append("\\n"),
                '\t' => builder.Append("\\t"),
                _ when char.IsControl(character) => builder.Append($"\\u{(int)character:X4}"),
                _ => builder.Append(character),
            };
        }

        return builder.Append('"').ToString();
    }
}
