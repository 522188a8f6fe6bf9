using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace GitOps.Platform.Tests.Toolchain;

/// <summary>Archives shaped like the vendors' (a zip with the executable at its root, a tar.gz with it under os-arch/).</summary>
internal static class TestArchives
{
    /// <summary>A shell script standing in for the tool: answers <c>version</c> as the real one does.</summary>
    public static string Script(string versionLine) => $"#!/bin/sh\necho '{versionLine}'\n";

    public static byte[] Zip(string entry, string content)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry(entry, CompressionLevel.NoCompression).Open(), new UTF8Encoding(false));
            writer.Write(content);
        }

        return memory.ToArray();
    }

    public static byte[] TarGz(string entry, string content)
    {
        using var memory = new MemoryStream();
        using (var gzip = new GZipStream(memory, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true))
        {
            tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, entry) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)) });
        }

        return memory.ToArray();
    }

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
