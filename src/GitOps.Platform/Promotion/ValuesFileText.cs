using System.Text;

namespace GitOps.Platform.Promotion;

/// <summary>UTF-8 file I/O that round-trips every byte: a BOM stays a leading U+FEFF, CRLF stays CRLF.</summary>
public static class ValuesFileText
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <exception cref="ValuesFileException">The file is missing, a directory, unreadable or not UTF-8 (one line naming it).</exception>
    public static async Task<string> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (Directory.Exists(path))
        {
            throw new ValuesFileException($"{path}: is a directory, not a values file");
        }

        if (!File.Exists(path))
        {
            throw new ValuesFileException($"{path}: not found");
        }

        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new ValuesFileException($"{path}: cannot be read: {error.Message}", error);
        }

        try
        {
            return Utf8.GetString(bytes);
        }
        catch (DecoderFallbackException error)
        {
            var line = 1 + bytes.AsSpan(0, Math.Clamp(error.Index, 0, bytes.Length)).Count((byte)'\n');
            throw new ValuesFileException($"{path}:{line}: not UTF-8 text; save it as UTF-8", error);
        }
    }

    public static Task WriteAsync(string path, string text, CancellationToken cancellationToken) =>
        File.WriteAllBytesAsync(path, Utf8.GetBytes(text), cancellationToken);
}
