using System.Globalization;
using GitOps.Targets.Output;

namespace GitOps.Platform.Toolchain.Internal;

/// <summary>
/// Serialises installs of one tool across builds and test processes. The lock is the operating system's lock on an
/// open file (flock on Unix, a share-none handle on Windows), so it dies with its owner: a build that was killed
/// leaves the file behind but not the lock, and the next build takes it over at once. The file is never deleted,
/// because deleting a lock file lets two processes lock two different files of the same name.
/// </summary>
internal sealed class InstallLock : IAsyncDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
    private readonly FileStream stream;

    private InstallLock(FileStream stream) => this.stream = stream;

    public static async Task<InstallLock> AcquireAsync(string toolsDirectory, string tool, ILog log, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(toolsDirectory);
        var path = Path.Combine(toolsDirectory, $".{tool}.install-lock");
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var waiting = false;
        while (true)
        {
            try
            {
                var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1);
                stream.SetLength(0);
                var owner = System.Text.Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
                await stream.WriteAsync(owner, cancellationToken);
                await stream.FlushAsync(cancellationToken);
                return new InstallLock(stream);
            }
            catch (IOException) when (!deadline.IsCancellationRequested)
            {
                if (!waiting)
                {
                    log.Info($"Waiting for another build that is installing {tool} (lock {path}, owner pid {Owner(path)}).");
                    waiting = true;
                }

                try
                {
                    await Task.Delay(PollInterval, deadline.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new ToolInstallException(
                        $"{tool}: another build (pid {Owner(path)}) has been installing it for more than {timeout.TotalMinutes:0} minutes (lock {path}); stop that build or retry when it ends");
                }
            }
        }
    }

    public ValueTask DisposeAsync() => stream.DisposeAsync();

    private static string Owner(string path)
    {
        try
        {
            using var reader = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var text = new StreamReader(reader);
            return text.ReadToEnd().Trim() is { Length: > 0 } pid ? pid : "unknown";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
