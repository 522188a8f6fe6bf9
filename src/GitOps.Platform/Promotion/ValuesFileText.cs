using System.Text;

namespace GitOps.Platform.Promotion;

/// <summary>UTF-8 file I/O that round-trips every byte: a BOM stays a leading U+FEFF, CRLF stays CRLF.</summary>
public static class ValuesFileText
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task<string> ReadAsync(string path, CancellationToken cancellationToken) =>
        Utf8.GetString(await File.ReadAllBytesAsync(path, cancellationToken));

    public static Task WriteAsync(string path, string text, CancellationToken cancellationToken) =>
        File.WriteAllBytesAsync(path, Utf8.GetBytes(text), cancellationToken);
}
