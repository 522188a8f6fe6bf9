using System.Runtime.InteropServices;

namespace GitOps.Targets.Files;

/// <summary>
/// What a path is, following symbolic links: a regular file, a directory, or something else (a FIFO, a device, a
/// socket). .NET's File.Exists says true for all but directories, and opening a FIFO blocks until a writer comes.
/// </summary>
internal static partial class FileKind
{
    // POSIX file-type bits of st_mode; .NET's native layer passes them through unchanged.
    private const int TypeMask = 0xF000;
    private const int Fifo = 0x1000;
    private const int CharacterDevice = 0x2000;
    private const int Directory = 0x4000;
    private const int BlockDevice = 0x6000;
    private const int Regular = 0x8000;
    private const int Socket = 0xC000;

    /// <summary>Null for a regular file; else what it is, in words ("a directory", "a named pipe (FIFO)"), or "missing".</summary>
    public static string? NotRegular(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            return Stat(path, out var status) != 0 ? "missing" : Describe(status.Mode & TypeMask);
        }

        return System.IO.Directory.Exists(path) ? "a directory" : File.Exists(path) ? null : "missing";
    }

    private static string? Describe(int type) => type switch
    {
        Regular => null,
        Directory => "a directory",
        Fifo => "a named pipe (FIFO)",
        CharacterDevice => "a character device",
        BlockDevice => "a block device",
        Socket => "a socket",
        _ => "not a regular file",
    };

    // The runtime's own stat wrapper (libSystem.Native ships with every .NET on Unix): its FileStatus layout is the same
    // on every Unix, unlike libc's struct stat. Only Flags and Mode are read; Size pads past the real struct's end.
    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = false)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, out FileStatus status);

    [StructLayout(LayoutKind.Sequential, Size = 512)]
    private struct FileStatus
    {
        public int Flags;
        public int Mode;
    }
}
