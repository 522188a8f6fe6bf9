using System.Formats.Tar;
using System.IO.Compression;

namespace GitOps.Platform.Toolchain.Internal;

/// <summary>Takes the one executable out of a verified archive; nothing else of the archive is written.</summary>
internal static class ArchiveExtraction
{
    /// <summary>Extracts <paramref name="entryPath"/> to <paramref name="target"/>; false when the archive has no such file.</summary>
    public static async Task<bool> ExtractAsync(string archive, string kind, string entryPath, string target, CancellationToken cancellationToken)
    {
        if (kind == "zip")
        {
            await using var zip = await ZipFile.OpenReadAsync(archive, cancellationToken);
            var entry = zip.Entries.FirstOrDefault(candidate => Normalize(candidate.FullName) == entryPath);
            if (entry is null)
            {
                return false;
            }

            await entry.ExtractToFileAsync(target, overwrite: false, cancellationToken);
            return true;
        }

        await using var file = File.OpenRead(archive);
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        await using var tar = new TarReader(gzip);
        while (await tar.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
        {
            if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile && Normalize(entry.Name) == entryPath && entry.DataStream is { } data)
            {
                await using var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write);
                await data.CopyToAsync(output, cancellationToken);
                return true;
            }
        }

        return false;
    }

    private static string Normalize(string name) => name.Replace('\\', '/').TrimStart('.', '/');
}
