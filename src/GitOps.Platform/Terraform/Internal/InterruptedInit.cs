using GitOps.Targets.Output;

namespace GitOps.Platform.Terraform.Internal;

/// <summary>
/// What an init stopped mid-way (by --timeout or Ctrl-C) leaves in its data directory: the backend's
/// <c>terraform.tfstate</c> created but still 0 bytes, and its <c>.terraform.tfstate.lock.info</c>. terraform itself
/// then fails every later init with "Failed to load state: invalid syntax: unexpected end of JSON input", so the next
/// run clears both first. Only while no live process holds the file's lock (terraform's is an fcntl/LockFileEx lock,
/// released when its process dies), and a state with any content is never touched: an empty file holds nothing to lose.
/// </summary>
internal static class InterruptedInit
{
    private const string StateFile = "terraform.tfstate";
    private const string LockInfoFile = ".terraform.tfstate.lock.info";

    public static void Clear(string dataDirectory, ILog log)
    {
        var state = Path.Combine(dataDirectory, StateFile);
        var lockInfo = Path.Combine(dataDirectory, LockInfoFile);
        if (!File.Exists(state) || new FileInfo(state).Length != 0 || IsHeld(state))
        {
            return;
        }

        File.Delete(state);
        File.Delete(lockInfo);
        log.Info($"terraform: removed the empty {StateFile} and its lock an interrupted init left in {dataDirectory}; initialising again");
    }

    private static bool IsHeld(string state)
    {
        // .NET cannot take a region lock on macOS. There the file is removed unprobed: it is empty, and an init running
        // at this moment in the same data directory (the same checkout, stage and root) is only made to initialise again.
        if (OperatingSystem.IsMacOS())
        {
            return false;
        }

        try
        {
            using var stream = new FileStream(state, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
            stream.Lock(0, 0);
            stream.Unlock(0, 0);
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }
}
