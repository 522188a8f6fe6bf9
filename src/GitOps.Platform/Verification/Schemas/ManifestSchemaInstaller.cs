using System.Security.Cryptography;
using System.Text.RegularExpressions;
using GitOps.Targets.Output;
using GitOps.Targets.Tooling;

namespace GitOps.Platform.Verification.Schemas;

/// <summary>
/// Installs Verify's schema check into <c>&lt;toolsDirectory&gt;/manifest-schemas</c>: our validator script and the npm
/// packages of <c>Validator/package-lock.json</c> (exact versions and integrity hashes; esbuild among them, which bundles
/// the validators every run loads into one file, so that node does not load hundreds of modules per run), plus a launcher
/// <c>bin/gitops-manifest-schemas</c> that the build's tool check finds. npm is asked once; afterwards Verify runs
/// offline. Several builds or test processes may install at once: a lock serialises them, and the directory is
/// moved into place whole, so nobody runs a half-installed validator.
/// </summary>
public static class ManifestSchemaInstaller
{
    /// <summary>The launcher's name under <c>.nuke/tools/bin</c>, as a <c>ToolRequirement</c> names it.</summary>
    public const string ToolName = "gitops-manifest-schemas";

    /// <summary>Validators generated from Argo CD v3's API types (Application, AppProject, ApplicationSet).</summary>
    public const string ArgoCdPackage = "@kubernetes-models/argo-cd@4.0.0";

    /// <summary>Validators of the Kubernetes core kinds (Job, Secret, ConfigMap...).</summary>
    public const string KubernetesPackage = "kubernetes-models@5.1.0";

    private const string Folder = "manifest-schemas";
    private const string Marker = "installed.sha256";
    private static readonly string[] Files = ["package.json", "package-lock.json", "validate-manifests.mjs"];
    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(5);

    /// <summary>The script node runs, inside the installed folder.</summary>
    public static string ScriptPath(string toolsDirectory) => Path.Combine(toolsDirectory, Folder, "validate-manifests.mjs");

    /// <summary>Why the installed copy is not usable (missing, or from another version of this build), or null.</summary>
    public static string? Problem(string toolsDirectory)
    {
        var marker = Path.Combine(toolsDirectory, Folder, Marker);
        if (!File.Exists(marker) || !File.Exists(Launcher(toolsDirectory)))
        {
            return $"{ArgoCdPackage} and {KubernetesPackage} are not installed under {Path.Combine(toolsDirectory, Folder)}";
        }

        return File.ReadAllText(marker).Trim() == ContentHash() ? null : "the installed schema check is from another version of this build";
    }

    /// <summary>Installs unless an up-to-date copy is there; returns the launcher's path.</summary>
    /// <exception cref="ManifestSchemaException">When node or npm is missing or npm cannot fetch the packages (one line).</exception>
    public static async Task<string> EnsureAsync(string toolsDirectory, IToolRunner runner, ILog log, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(toolsDirectory);
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(log);
        if (Problem(toolsDirectory) is null)
        {
            return Launcher(toolsDirectory);
        }

        Directory.CreateDirectory(Path.Combine(toolsDirectory, "bin"));
        await using var installLock = await AcquireLockAsync(toolsDirectory, log, cancellationToken);
        if (Problem(toolsDirectory) is null)
        {
            return Launcher(toolsDirectory); // another process installed it while we waited for the lock
        }

        await CheckNodeAsync(runner, cancellationToken);
        var target = Path.Combine(toolsDirectory, Folder);
        var staging = Path.Combine(toolsDirectory, $"{Folder}.partial-{Environment.ProcessId}");
        try
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }

            Directory.CreateDirectory(staging);
            foreach (var file in Files)
            {
                await File.WriteAllBytesAsync(Path.Combine(staging, file), Resource(file), cancellationToken);
            }

            // Said once, on the first run: what, from where, and where it stays (later runs use it offline).
            log.Info($"Installing Verify's manifest validators {ArgoCdPackage} (Argo CD's CRDs) and {KubernetesPackage} (core kinds) "
                + $"with npm ci from npm's configured registry (checked against the committed package-lock.json), once, into {target}");
            await NpmCiAsync(runner, staging, cancellationToken);
            await IndexDeclarationsAsync(runner, staging, cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(staging, Marker), ContentHash(), cancellationToken);
            if (Directory.Exists(target))
            {
                Directory.Delete(target, recursive: true);
            }

            Directory.Move(staging, target);
            WriteLaunchers(toolsDirectory);
            return Launcher(toolsDirectory);
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    private static string Launcher(string toolsDirectory) =>
        Path.Combine(toolsDirectory, "bin", OperatingSystem.IsWindows() ? ToolName + ".cmd" : ToolName);

    private static async Task CheckNodeAsync(IToolRunner runner, CancellationToken cancellationToken)
    {
        ToolResult result;
        try
        {
            result = await runner.RunAsync(
                new ToolInvocation("node", ["--version"]) { StreamOutput = false, ThrowOnFailure = false, Timeout = TimeSpan.FromSeconds(30) },
                cancellationToken);
        }
        catch (ToolFailedException)
        {
            throw new ManifestSchemaException("Verify's schema check needs Node.js 20 or later on PATH, and node was not found");
        }

        var text = result.StandardOutput.Trim().TrimStart('v');
        if (!result.Succeeded || !Version.TryParse(text, out var version) || version.Major < 20)
        {
            throw new ManifestSchemaException($"Verify's schema check needs Node.js 20 or later; node --version says '{result.StandardOutput.Trim()}'");
        }
    }

    private static async Task NpmCiAsync(IToolRunner runner, string directory, CancellationToken cancellationToken)
    {
        ToolResult result;
        try
        {
            // --prefer-offline: npm's own cache serves what it holds without asking the registry. The packages declare
            // node >= 22 but run on 20, so the engines field is not enforced. No install scripts run.
            result = await runner.RunAsync(
                new ToolInvocation("npm", ["ci", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts", "--engine-strict=false", "--loglevel=error",
                    "--fetch-retries=2", "--fetch-retry-mintimeout=1000", "--fetch-retry-maxtimeout=5000"])
                {
                    WorkingDirectory = directory,
                    StreamOutput = false,
                    ThrowOnFailure = false,
                    Timeout = TimeSpan.FromMinutes(5),
                },
                cancellationToken);
        }
        catch (ToolFailedException exception)
        {
            throw new ManifestSchemaException($"npm could not run to install {ArgoCdPackage} and {KubernetesPackage}: {FirstLine(exception.Message)}");
        }

        if (!result.Succeeded)
        {
            // npm's most telling line: the network reason, else its error code, else its last word.
            var lines = result.StandardError.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).ToList();
            var reason = lines.FirstOrDefault(line => line.Contains("reason:", StringComparison.Ordinal))
                ?? lines.FirstOrDefault(line => line.StartsWith("npm error code ", StringComparison.Ordinal))
                ?? lines.LastOrDefault(line => !line.Contains("A complete log", StringComparison.Ordinal))
                ?? $"exit code {result.ExitCode}";
            // A registry URL may carry credentials (https://user:token@host): never show them.
            reason = Regex.Replace(reason, "://[^/@\\s]+@", "://***@");
            throw new ManifestSchemaException($"npm ci could not install {ArgoCdPackage} and {KubernetesPackage} (is the npm registry reachable?): {reason}");
        }
    }

    // What every Verify run would otherwise read from the packages' declaration files, and the one file holding the
    // validators every run loads (bundled by the esbuild of the lock file; see the script's --index).
    private static async Task IndexDeclarationsAsync(IToolRunner runner, string directory, CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(
            new ToolInvocation("node", [Path.Combine(directory, "validate-manifests.mjs"), "--index"])
            {
                WorkingDirectory = directory,
                StreamOutput = false,
                ThrowOnFailure = false,
                Timeout = TimeSpan.FromMinutes(2),
            },
            cancellationToken);
        if (!result.Succeeded)
        {
            throw new ManifestSchemaException($"the schema check could not index and bundle {ArgoCdPackage} and {KubernetesPackage}: {result.StandardError.Split('\n').Select(line => line.Trim()).LastOrDefault(line => line.Length > 0) ?? $"exit code {result.ExitCode}"}");
        }
    }

    private static void WriteLaunchers(string toolsDirectory)
    {
        // Relative to the launcher, so a copied .nuke/tools (a CI cache in another checkout) still works.
        var unix = Path.Combine(toolsDirectory, "bin", ToolName);
        WriteWhole(unix, "#!/bin/sh\nexec node \"$(dirname \"$0\")/../manifest-schemas/validate-manifests.mjs\" \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(unix, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        WriteWhole(unix + ".cmd", "@node \"%~dp0..\\manifest-schemas\\validate-manifests.mjs\" %*\r\n");
    }

    private static void WriteWhole(string path, string content)
    {
        var partial = path + ".partial";
        File.WriteAllText(partial, content);
        File.Move(partial, path, overwrite: true);
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();

    private static byte[] Resource(string name)
    {
        using var stream = typeof(ManifestSchemaInstaller).Assembly.GetManifestResourceStream($"ManifestSchemas/{name}")
            ?? throw new InvalidOperationException($"the build has no embedded ManifestSchemas/{name}");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Identifies what this build installs: a changed lock file or script reinstalls.</summary>
    private static string ContentHash() => Convert.ToHexString(SHA256.HashData(Files.SelectMany(Resource).ToArray()));

    private static async Task<FileStream> AcquireLockAsync(string toolsDirectory, ILog log, CancellationToken cancellationToken)
    {
        var path = Path.Combine(toolsDirectory, ".manifest-schemas-install.lock");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(LockTimeout);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (!timeout.IsCancellationRequested)
            {
                log.Debug($"waiting for another installation of the schema check ({path})");
                await Task.Delay(TimeSpan.FromMilliseconds(250), timeout.Token);
            }
        }
    }
}
