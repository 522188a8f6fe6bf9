using System.Diagnostics;

namespace GitOps.EndToEnd.Tests.Support;

/// <summary>A finished child process: exit code and what it printed.</summary>
public sealed record ProcessResult(int ExitCode, string Output, string Error)
{
    public static ProcessResult Run(string file, IEnumerable<string> args, string directory, IReadOnlyDictionary<string, string?> environment, TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo(file)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // The child must not think it runs inside this test's GitLab job or see its parameters.
        foreach (var name in new[] { "GITLAB_CI", "STAGE", "CLOUD", "CI_API_V4_URL", "GITLAB_TOKEN", "CI_PROJECT_ID" })
        {
            info.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }

        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        var limit = timeout ?? TimeSpan.FromMinutes(5);
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish within {limit}");
        }

        return new ProcessResult(process.ExitCode, output.Result, error.Result);
    }
}
