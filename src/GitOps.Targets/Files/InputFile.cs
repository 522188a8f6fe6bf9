namespace GitOps.Targets.Files;

/// <summary>
/// Reads a file the user points the build at (a kubeconfig, a parameters file, .env, the stage catalog): only a
/// regular file, and only up to a size no such file comes near, so <c>/dev/zero</c> cannot exhaust memory and a FIFO
/// cannot hang the build. Every refusal is one line naming the file, what it is and what is allowed.
/// </summary>
public static class InputFile
{
    public const int MaxBytes = 1024 * 1024;

    private const string Limit = "1 MiB";

    /// <summary>Null for a regular file; else what the path is instead, in words: "not found", "a directory", "a named pipe (FIFO)".</summary>
    public static string? NotARegularFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return FileKind.NotRegular(path) switch
        {
            null => null,
            "missing" => "not found",
            var kind => kind,
        };
    }

    /// <param name="path">The file to read.</param>
    /// <param name="displayPath">How messages name it.</param>
    /// <param name="what">What it should be, for messages: "a kubeconfig", "the stage catalog".</param>
    /// <exception cref="InputFileException">Missing, not a regular file, larger than <see cref="MaxBytes"/>, or unreadable.</exception>
    public static byte[] ReadAllBytes(string path, string displayPath, string what)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var kind = FileKind.NotRegular(path);
        if (kind == "missing")
        {
            throw new InputFileException(displayPath, 0, $"not found; {what} must be a regular file of at most {Limit}");
        }

        if (kind is not null)
        {
            throw new InputFileException(displayPath, 0, $"is {kind}, not a regular file; {what} must be a regular file of at most {Limit}");
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.SequentialScan);
            using var content = new MemoryStream();
            var buffer = new byte[64 * 1024];
            int read;
            // Up to one byte past the limit, whatever the length said: a file can grow while it is read.
            while (content.Length <= MaxBytes && (read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, MaxBytes + 1 - content.Length))) > 0)
            {
                content.Write(buffer, 0, read);
            }

            return content.Length > MaxBytes
                ? throw new InputFileException(displayPath, 0, $"is larger than {Limit}; {what} must be a regular file of at most {Limit}")
                : content.ToArray();
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new InputFileException(displayPath, 0, $"cannot be read ({error.Message.TrimEnd('.')}); {what} must be a readable regular file", error);
        }
    }

    /// <summary>The file's text: a UTF-8 byte order mark dropped, invalid UTF-8 named by line and column.</summary>
    /// <exception cref="InputFileException">As <see cref="ReadAllBytes"/>, or the content is not UTF-8.</exception>
    public static string ReadUtf8Text(string path, string displayPath, string what)
    {
        var bytes = ReadAllBytes(path, displayPath, what);
        var start = bytes.AsSpan().StartsWith(System.Text.Encoding.UTF8.Preamble) ? System.Text.Encoding.UTF8.Preamble.Length : 0;
        RequireUtf8(bytes.AsSpan(start), displayPath);
        return System.Text.Encoding.UTF8.GetString(bytes, start, bytes.Length - start);
    }

    /// <summary>Names the first byte that is not UTF-8 by line and column, instead of a decoder's mangled text or exception.</summary>
    /// <exception cref="InputFileException">The bytes are not UTF-8.</exception>
    public static void RequireUtf8(ReadOnlySpan<byte> bytes, string displayPath)
    {
        var offset = 0;
        while (offset < bytes.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                var line = 1 + bytes[..offset].Count((byte)'\n');
                var lineStart = bytes[..offset].LastIndexOf((byte)'\n') + 1;
                throw new InputFileException(displayPath, line, $"not UTF-8 text (byte 0x{bytes[offset]:X2} at column {offset - lineStart + 1}); save the file as UTF-8.");
            }

            offset += consumed;
        }
    }
}
