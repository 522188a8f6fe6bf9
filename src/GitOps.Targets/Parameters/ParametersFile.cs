using System.Text;
using System.Text.Json;
using GitOps.Targets.Errors;
using GitOps.Targets.Files;
using GitOps.Targets.Text;

namespace GitOps.Targets.Parameters;

/// <summary>
/// A <c>.nuke/parameters[.profile].json</c> file: top-level keys are parameter names (member or kebab spelling).
/// Line numbers are kept so a bad key or value is reported as <c>file:line</c>.
/// </summary>
internal sealed record ParametersFile(string Path, IReadOnlyDictionary<string, ParametersFile.Entry> Entries)
{
    public static ParametersFile Empty(string path) => new(path, new Dictionary<string, Entry>());

    public static ParametersFile Load(string path, string displayPath)
    {
        var bytes = InputFile.ReadAllBytes(path, displayPath, "a parameters file");
        // Editors on Windows like to start the file with a UTF-8 byte order mark; JSON readers do not.
        var start = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
        bytes = bytes[start..];
        InputFile.RequireUtf8(bytes, displayPath);
        var entries = new Dictionary<string, Entry>();
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            Expect(reader.Read() && reader.TokenType == JsonTokenType.StartObject, displayPath, 1, "expected a JSON object");
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var line = LineOf(bytes, reader.TokenStartIndex);
                var name = reader.GetString()!;
                reader.Read();
                var values = ReadValues(ref reader, displayPath, line, name);
                if (name.StartsWith('$'))
                {
                    continue;
                }

                if (entries.TryGetValue(KebabCase.Normalize(name), out var earlier))
                {
                    throw new UsageException($"{displayPath}:{line}: '{name}' is set twice (also on line {earlier.Line}).");
                }

                entries[KebabCase.Normalize(name)] = new Entry(name, values, line);
            }

            Expect(reader.TokenType == JsonTokenType.EndObject, displayPath, LineOf(bytes, reader.TokenStartIndex), "expected a parameter name or the end of the object");
            Expect(!reader.Read(), displayPath, LineOf(bytes, reader.TokenStartIndex), "unexpected content after the closing brace");
        }
        catch (JsonException exception)
        {
            // The reader's own message is written for programmers (token types, byte positions): say it plainly.
            var line = (exception.LineNumber ?? 0) + 1;
            var column = (exception.BytePositionInLine ?? 0) + 1;
            throw new UsageException($"{displayPath}:{line}: not valid JSON at column {column}: {Describe(bytes, line, column)}; "
                + "a parameters file is one JSON object such as { \"stage\": \"dev\", \"names\": [\"a\", \"b\"] }.", exception);
        }

        return new ParametersFile(displayPath, entries);
    }

    private static string Describe(byte[] bytes, long line, long column)
    {
        var lineStart = 0;
        for (var current = 1L; current < line && lineStart < bytes.Length; current++)
        {
            var next = bytes.AsSpan(lineStart).IndexOf((byte)'\n');
            lineStart = next < 0 ? bytes.Length : lineStart + next + 1;
        }

        var offset = lineStart + column - 1;
        if (offset >= bytes.Length)
        {
            return "the file ends before the object is closed (a missing '}', ']' or '\"'?)";
        }

        var found = (char)bytes[offset];
        return found switch
        {
            '\'' => "single quotes are not JSON; put names and strings in double quotes",
            _ when char.IsAsciiLetter(found) => $"unexpected '{found}'; put names and strings in double quotes (numbers and true/false stay bare)",
            _ when found < ' ' || found > '~' => $"unexpected character 0x{(int)found:X2}",
            _ => $"unexpected '{found}' (a missing or extra comma, colon or bracket before it?)",
        };
    }

    private static List<string> ReadValues(ref Utf8JsonReader reader, string path, long line, string name)
    {
        var values = new List<string>();
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                values.Add(Scalar(ref reader, path, line, name));
            }
        }
        else
        {
            values.Add(Scalar(ref reader, path, line, name));
        }

        return values;
    }

    private static string Scalar(ref Utf8JsonReader reader, string path, long line, string name) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString()!,
        JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ => throw new UsageException($"{path}:{line}: '{name}' must be a string, number, boolean or an array of them."),
    };

    private static void Expect(bool condition, string path, long line, string message)
    {
        if (!condition)
        {
            throw new UsageException($"{path}:{line}: {message}.");
        }
    }

    private static long LineOf(byte[] bytes, long index) => 1 + bytes.AsSpan(0, (int)index).Count((byte)'\n');

    internal sealed record Entry(string Name, IReadOnlyList<string> Values, long Line);
}
