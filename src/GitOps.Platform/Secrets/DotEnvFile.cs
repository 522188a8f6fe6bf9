using System.Text;
using GitOps.Targets.Files;
using System.Text.RegularExpressions;

namespace GitOps.Platform.Secrets;

/// <summary>
/// Reads a <c>.env</c> file: <c>KEY=VALUE</c> lines, optional <c>export </c>, <c>#</c> comments (whole-line, or after an
/// unquoted value following a space), single quotes (literal) and double quotes (with <c>\n</c>, <c>\"</c>, <c>\\</c>).
/// </summary>
public static partial class DotEnvFile
{
    private const string Export = "export ";

    /// <summary>The file's name, relative to the repository root, as messages name it.</summary>
    public const string Name = ".env";

    /// <summary>The variables of the file at <paramref name="path"/>, or none when there is no such file.</summary>
    public static Task<IReadOnlyDictionary<string, string>> ReadAsync(string path, CancellationToken cancellationToken) =>
        ReadAsync(path, path, cancellationToken);

    /// <param name="path">The file.</param>
    /// <param name="displayPath">How messages name it: relative to the repository root, as the user knows it (".env").</param>
    /// <param name="cancellationToken">Stops before reading.</param>
    public static Task<IReadOnlyDictionary<string, string>> ReadAsync(string path, string displayPath, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Read(path, displayPath));
    }

    /// <exception cref="DotEnvFormatException">Not a file, not UTF-8, or a line that is not KEY=VALUE (one line naming file and line).</exception>
    public static IReadOnlyDictionary<string, string> Read(string path, string displayPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentException.ThrowIfNullOrEmpty(displayPath);
        if (Directory.Exists(path))
        {
            throw new DotEnvFormatException($"{displayPath}: is a directory; .env must be a file of KEY=VALUE lines, or absent");
        }

        return File.Exists(path)
            ? Parse(ReadText(path, displayPath, "a .env file"), displayPath)
            : new Dictionary<string, string>();
    }

    /// <summary>The text of a .env-style file, or one line naming it: not a regular file, over 1 MiB, not UTF-8 (with its line).</summary>
    internal static string ReadText(string path, string display, string what)
    {
        try
        {
            return InputFile.ReadUtf8Text(path, display, what);
        }
        catch (InputFileException error)
        {
            throw new DotEnvFormatException(error.Message, error);
        }
    }

    public static IReadOnlyDictionary<string, string> Parse(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = text.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index].TrimEnd('\r').Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            line = line.StartsWith(Export, StringComparison.Ordinal) ? line[Export.Length..].TrimStart() : line;
            var where = $"{fileName}:{index + 1}";
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            var key = equals > 0 ? line[..equals].Trim() : string.Empty;
            if (!KeyPattern().IsMatch(key))
            {
                throw new DotEnvFormatException($"{where}: expected KEY=VALUE with a KEY of letters, digits and _ (not starting with a digit)");
            }

            result[key] = Value(line[(equals + 1)..].Trim(), where);
        }

        return result;
    }

    private static string Value(string raw, string where)
    {
        if (raw.Length == 0 || (raw[0] != '\'' && raw[0] != '"'))
        {
            var comment = raw.IndexOf(" #", StringComparison.Ordinal);
            return (comment < 0 ? raw : raw[..comment]).TrimEnd();
        }

        var quote = raw[0];
        var value = new StringBuilder();
        for (var position = 1; position < raw.Length; position++)
        {
            var character = raw[position];
            if (character == quote)
            {
                var rest = raw[(position + 1)..].Trim();
                return rest.Length == 0 || rest.StartsWith('#')
                    ? value.ToString()
                    : throw new DotEnvFormatException($"{where}: unexpected text after the closing {quote}; quote the whole value");
            }

            if (quote == '"' && character == '\\' && position + 1 < raw.Length)
            {
                position++;
                value.Append(raw[position] switch { 'n' => '\n', 't' => '\t', var other => other });
                continue;
            }

            value.Append(character);
        }

        throw new DotEnvFormatException($"{where}: the value's {quote} is never closed; values must fit on one line");
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex KeyPattern();
}
