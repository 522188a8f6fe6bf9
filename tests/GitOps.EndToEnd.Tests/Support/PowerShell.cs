using System.Text.Json;

namespace GitOps.EndToEnd.Tests.Support;

/// <summary>
/// The PowerShell that .config/dotnet-tools.json pins (7.6.9, a .NET tool from NuGet), restored once with
/// <c>dotnet tool restore</c> and run as <c>dotnet pwsh.dll</c>. A failed restore fails every test that needs it.
/// </summary>
public static class PowerShell
{
    private static readonly Lazy<string> Installed = new(Restore);

    public static string Dll => Installed.Value;

    /// <summary><c>pwsh -NoProfile -NonInteractive -File script args</c>, as a user on any platform would run build.ps1.</summary>
    public static ProcessResult RunFile(string script, IEnumerable<string> args, string workingDirectory, IReadOnlyDictionary<string, string?>? environment = null) =>
        ProcessResult.Run("dotnet", [Dll, "-NoProfile", "-NonInteractive", "-File", script, .. args], workingDirectory, environment ?? new Dictionary<string, string?>());

    /// <summary>Writes a <c>pwsh</c> launcher into <paramref name="directory"/>, for scripts that start it through their shebang.</summary>
    public static void WriteLauncher(string directory)
    {
        var launcher = Path.Combine(directory, "pwsh");
        File.WriteAllText(launcher, $"#!/bin/sh\nexec dotnet '{Dll}' \"$@\"\n");
        ToolDirectory.MakeExecutable(launcher);
    }

    private static string Restore()
    {
        var source = RepositoryRoot.Find();
        var restore = ProcessResult.Run("dotnet", ["tool", "restore"], source, new Dictionary<string, string?>());
        if (restore.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet tool restore failed in {source}: {restore.Output}{restore.Error}");
        }

        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(source, ".config", "dotnet-tools.json")));
        var version = manifest.RootElement.GetProperty("tools").GetProperty("powershell").GetProperty("version").GetString()!;
        var locals = ProcessResult.Run("dotnet", ["nuget", "locals", "global-packages", "--list"], source, new Dictionary<string, string?>());
        var packages = locals.Output.Trim().Split(": ", 2)[^1].Trim();
        var dll = Path.Combine(packages, "powershell", version, "tools", "net10.0", "any", OperatingSystem.IsWindows() ? "win" : "unix", "pwsh.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"PowerShell {version} restored, but {dll} is not there");
    }
}
