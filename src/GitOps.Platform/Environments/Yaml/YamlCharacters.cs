using System.Text;

namespace GitOps.Platform.Environments.Yaml;

/// <summary>
/// The characters a YAML stream may hold, as helm's parser (go-yaml) checks them: tab, line feed, carriage return,
/// printable ASCII, NEL and the printable rest of Unicode. YamlDotNet reads a NUL or an escape character without a word.
/// </summary>
internal static class YamlCharacters
{
    public static bool IsAllowed(Rune rune) => rune.Value switch
    {
        0x09 or 0x0A or 0x0D or 0x85 => true,
        >= 0x20 and <= 0x7E => true,
        >= 0xA0 and <= 0xD7FF => true,
        >= 0xE000 and <= 0xFFFD => true,
        >= 0x10000 and <= 0x10FFFF => true,
        _ => false,
    };

    /// <summary>The first character YAML does not allow, with its line and column (1-based), or null.</summary>
    public static (int Line, int Column, string Character)? FirstDisallowed(string text)
    {
        var (line, column) = (1, 1);
        foreach (var rune in text.EnumerateRunes())
        {
            if (!IsAllowed(rune))
            {
                return (line, column, Describe(rune));
            }

            (line, column) = rune.Value == '\n' ? (line + 1, 1) : (line, column + 1);
        }

        return null;
    }

    /// <summary>"the control character U+0000 (NUL)": named by code, since it does not print.</summary>
    public static string Describe(Rune rune) => rune.Value switch
    {
        0x00 => "the control character U+0000 (NUL)",
        0x1B => "the control character U+001B (ESC)",
        0x7F => "the control character U+007F (DEL)",
        < 0x20 or (>= 0x80 and < 0xA0) => $"the control character U+{rune.Value:X4}",
        _ => $"the character U+{rune.Value:X4}",
    };
}
