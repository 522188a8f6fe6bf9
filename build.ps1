#!/usr/bin/env pwsh
# Bootstrap for the GitOps build (PowerShell 7 on Windows, Linux and macOS). Same contract as build.sh and the same
# stamp, byte for byte, so switching between the two never recompiles: compile build/ only when its inputs changed,
# then run the compiled build directly, forwarding every argument and the exit code. See build.sh for the stamp format.
#
# No param() block and no [CmdletBinding()]: PowerShell would bind words such as --pipeline or --debug to its own
# common parameters and drop or eat them. This file stays ASCII with LF endings and keeps to syntax that Windows
# PowerShell 5.1 can parse, so that 5.1 reaches the version check below.

if ($PSVersionTable.PSVersion.Major -lt 7) {
    [Console]::Error.WriteLine("build.ps1: PowerShell 7 or later is needed (this is Windows PowerShell $($PSVersionTable.PSVersion)); install it from https://aka.ms/powershell, then run: pwsh -File build.ps1 ...")
    exit 2
}

# The stamp check, the argument forwarding and the start of the compiled build, in C#: PowerShell's interpreter took
# about 300 ms for the same work on every run (a loop over every input file), C# takes a few. Add-Type compiles it
# once into .nuke/temp/build-bootstrap.dll (again whenever this text changes); every run loads it from its bytes,
# which leaves the file unlocked for the next compile. The warm path is one call into it (Bootstrap.Run), since every
# PowerShell construct and call into .NET costs milliseconds the first time in a process.
$BootstrapSource = @'
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace GitOpsBootstrap
{
    // One look at the inputs: the listing build.sh's find and stat print, and the decision it leads to.
    public sealed class Inputs
    {
        public string Listing;
        public string[] Files;
        public long NewestMtime;
        public string Content;
        public bool Current;
    }

    public static class Stamp
    {
        private static readonly string[] InputNames = { "build", "src", "global.json", "Directory.Build.props", "Directory.Packages.props", ".editorconfig" };

        // Current: the stamp's listing is this one; or it differs (a fresh checkout) but the content hash is the same,
        // and the stamp is rewritten with the new listing. Otherwise Content holds the hash to stamp after compiling.
        public static Inputs Check(string root, string stamp, string assembly)
        {
            Inputs inputs = Read(root);
            string stampedContent = "";
            string stampedListing = null;
            if (File.Exists(stamp) && File.Exists(assembly))
            {
                string stamped = File.ReadAllText(stamp);
                int firstLineEnd = stamped.IndexOf('\n');
                if (stamped.StartsWith("content ", StringComparison.Ordinal) && firstLineEnd > 0)
                {
                    stampedContent = stamped.Substring(8, firstLineEnd - 8);
                    stampedListing = stamped.Substring(firstLineEnd + 1);
                }
            }

            if (string.Equals(stampedListing, inputs.Listing, StringComparison.Ordinal))
            {
                inputs.Current = true;
                return inputs;
            }

            inputs.Content = ContentHash(root, inputs.Files);
            if (stampedContent.Length > 0 && string.Equals(stampedContent, inputs.Content, StringComparison.Ordinal))
            {
                Write(stamp, inputs);
                inputs.Current = true;
            }

            return inputs;
        }

        // Mirrors build.sh's find: skips anything named bin or obj below the inputs (never the repository's own path),
        // includes dot-files, and does not follow or list symbolic links. "<path> <size> <mtime>" lines, sorted bytewise.
        private static Inputs Read(string root)
        {
            EnumerationOptions options = new EnumerationOptions { AttributesToSkip = FileAttributes.None, IgnoreInaccessible = false };
            List<FileInfo> found = new List<FileInfo>();
            Stack<DirectoryInfo> pending = new Stack<DirectoryInfo>();
            foreach (string name in InputNames)
            {
                string path = Path.Combine(root, name);
                if (Directory.Exists(path)) { pending.Push(new DirectoryInfo(path)); }
                else if (File.Exists(path)) { found.Add(new FileInfo(path)); }
            }

            while (pending.Count > 0)
            {
                foreach (FileSystemInfo entry in pending.Pop().EnumerateFileSystemInfos("*", options))
                {
                    if (entry.Name == "bin" || entry.Name == "obj") { continue; }
                    if ((entry.Attributes & FileAttributes.ReparsePoint) != 0) { continue; }
                    if (entry is DirectoryInfo directory) { pending.Push(directory); } else { found.Add((FileInfo)entry); }
                }
            }

            Inputs inputs = new Inputs { Files = new string[found.Count], NewestMtime = long.MinValue };
            string[] lines = new string[found.Count];
            for (int i = 0; i < found.Count; i++)
            {
                FileInfo file = found[i];
                string relative = file.FullName.Substring(root.Length + 1).Replace('\\', '/');
                long mtime = new DateTimeOffset(file.LastWriteTimeUtc).ToUnixTimeSeconds();
                inputs.NewestMtime = Math.Max(inputs.NewestMtime, mtime);
                inputs.Files[i] = relative;
                lines[i] = relative + " " + file.Length + " " + mtime;
            }

            Array.Sort(lines, StringComparer.Ordinal);
            inputs.Listing = JoinLines(lines);
            return inputs;
        }

        // sha256 over the lines "<sha256 of file>  <path>", sorted bytewise: what build.sh's sha256sum | sort | sha256sum gives.
        private static string ContentHash(string root, string[] files)
        {
            string[] lines = new string[files.Length];
            for (int i = 0; i < files.Length; i++)
            {
                lines[i] = Hex(SHA256.HashData(File.ReadAllBytes(Path.Combine(root, files[i])))) + "  " + files[i];
            }

            Array.Sort(lines, StringComparer.Ordinal);
            return Hex(SHA256.HashData(Encoding.UTF8.GetBytes(JoinLines(lines))));
        }

        // As in build.sh: a file changed again within the second its mtime was read would look unchanged, so such a
        // listing is written as "racy" and the next run compares content instead.
        public static void Write(string stamp, Inputs inputs)
        {
            long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            string listing = inputs.NewestMtime >= now - 1 ? "racy\n" : inputs.Listing;
            string partial = stamp + "." + Environment.ProcessId;
            File.WriteAllText(partial, "content " + inputs.Content + "\n" + listing);
            File.Move(partial, stamp, true);
        }

        private static string JoinLines(string[] lines)
        {
            StringBuilder text = new StringBuilder();
            foreach (string line in lines) { text.Append(line).Append('\n'); }
            return text.ToString();
        }

        private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
    }

    // The warm path in one call: each call from PowerShell into .NET costs milliseconds the first time in a process,
    // so build.ps1 makes one, and three more only when something must be compiled first.
    public static class Bootstrap
    {
        public const int StaleHelper = -1;
        public const int MustCompile = -2;

        // What Stamped writes once Compile has succeeded.
        private static Inputs pending;

        // StaleHelper when this copy was compiled from other C# (an older build.ps1); MustCompile when the build's inputs
        // changed (Compile, Stamped and Start follow); else the build's exit code, or 1 with a message. On Linux and macOS
        // a run that pwsh was started for does not return: the build takes over the process (see Exec).
        // The source is compared as text, not by a hash: hashing would load the platform's crypto library on every run.
        public static int Run(string source, EngineIntrinsics session, string root, string scriptPath, object[] bound)
        {
            if (!string.Equals(source, BuiltFrom.Source, StringComparison.Ordinal)) { return StaleHelper; }
            Environment.SetEnvironmentVariable("DOTNET_CLI_TELEMETRY_OPTOUT", "1");
            Environment.SetEnvironmentVariable("DOTNET_NOLOGO", "1");
            Environment.SetEnvironmentVariable("DOTNET_SKIP_FIRST_TIME_EXPERIENCE", "1");
            try
            {
                Inputs inputs = Stamp.Check(root, StampPath(root), AssemblyPath(root));
                if (!inputs.Current)
                {
                    pending = inputs;
                    return MustCompile;
                }
            }
            catch (Exception error)
            {
                return Failed("could not tell whether the build is current: " + error.Message);
            }

            return Start(session, root, scriptPath, bound);
        }

        public static void Stamped(string root) => Stamp.Write(StampPath(root), pending);

        public static int Start(EngineIntrinsics session, string root, string scriptPath, object[] bound)
        {
            // Messages then say ./build.ps1, not ./build.sh.
            Environment.SetEnvironmentVariable("GITOPS_ENTRY_POINT", scriptPath);
            try
            {
                return Launch.Run(AssemblyPath(root), session.SessionState.Path.CurrentFileSystemLocation.ProviderPath, scriptPath, bound);
            }
            catch (Exception error)
            {
                return Failed("could not start the compiled build (dotnet .nuke/temp/build-bin/_build.dll): " + error.Message);
            }
        }

        // dotnet build of build/, its messages in the log (MSBuild's file logger: a redirected pipe could be held open
        // by a build server that outlives the build). 130 when interrupted, as build.sh's compile.
        public static int Compile(string root, string log)
        {
            string temp = Path.Combine(root, ".nuke", "temp");
            ProcessStartInfo start = new ProcessStartInfo("dotnet") { UseShellExecute = false, WorkingDirectory = root };
            foreach (string word in new[] { "build", Path.Combine(root, "build", "_build.csproj"), "-c", "Release", "-o", Path.Combine(temp, "build-bin"),
                "-nologo", "-noConsoleLogger", "-fileLogger", "-fileLoggerParameters:LogFile=" + log + ";Verbosity=quiet" })
            {
                start.ArgumentList.Add(word);
            }

            OnlyWhatTheCompileNeedsInAPipeline(start.Environment);
            if (!OperatingSystem.IsWindows())
            {
                // As build.sh's background compile: started with SIGINT ignored, so that a terminal's Ctrl-C, which
                // reaches the whole foreground group, does not set off MSBuild's graceful cancel (it waits for the
                // compiler, tens of seconds). Child.Run stops it with SIGTERM instead, which ends it at once.
                start.ArgumentList.Insert(0, "dotnet");
                start.ArgumentList.Insert(0, "sh");
                start.ArgumentList.Insert(0, "trap '' INT; exec \"$@\"");
                start.ArgumentList.Insert(0, "-c");
                start.FileName = "/bin/sh";
            }

            return Child.Run(start, true);
        }

        // As build.sh's compile: MSBuild reads every environment variable as a property, and some name files it
        // imports (CustomBeforeMicrosoftCommonTargets, DirectoryBuildPropsPath, ...), so in a pipeline, where a trigger
        // or pipeline variable lands in the environment, the compile gets only what dotnet and NuGet need. Pipeline
        // mode: the build's markers (CiJobMarkers) present at all, or CI. Locally the caller's environment, as any build.
        private static void OnlyWhatTheCompileNeedsInAPipeline(IDictionary<string, string> environment)
        {
            if (!new[] { "GITLAB_CI", "CI_JOB_TOKEN", "CI_JOB_ID", "CI" }.Any(environment.ContainsKey)) { return; }
            List<string> allowed = new List<string> { "PATH", "HOME", "TMPDIR", "CI", "DOTNET_ROOT", "DOTNET_CLI_HOME", "NUGET_PACKAGES",
                "DOTNET_CLI_TELEMETRY_OPTOUT", "DOTNET_NOLOGO", "DOTNET_SKIP_FIRST_TIME_EXPERIENCE",
                "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "http_proxy", "https_proxy", "no_proxy" };
            if (OperatingSystem.IsWindows())
            {
                // What Windows itself and NuGet's settings need.
                allowed.AddRange(new[] { "SYSTEMROOT", "WINDIR", "COMSPEC", "PATHEXT", "USERPROFILE", "APPDATA", "LOCALAPPDATA", "PROGRAMDATA", "PROGRAMFILES", "TEMP", "TMP" });
            }

            foreach (string name in environment.Keys.ToList())
            {
                if (!allowed.Contains(name, OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal)) { environment.Remove(name); }
            }
        }

        private static int Failed(string message)
        {
            Console.Error.WriteLine("build.ps1: " + message);
            return 1;
        }

        private static string StampPath(string root) => Path.Combine(root, ".nuke", "temp", "build.stamp");

        private static string AssemblyPath(string root) => Path.Combine(root, ".nuke", "temp", "build-bin", "_build.dll");
    }

    public static class Launch
    {
        // pwsh's -Command and -EncodedCommand, with the abbreviations it accepts: the words after them are not a script's.
        private static readonly HashSet<string> CommandParameters = new HashSet<string>(
            new[] { "c", "co", "com", "comm", "comma", "comman", "command", "e", "ec", "encodedcommand", "commandwithargs", "cwa" },
            StringComparer.OrdinalIgnoreCase);

        // pwsh's switches that take no value and leave it to exit when its script ends, each with the shortest
        // abbreviation pwsh accepts. Any other word before the script (-NoExit, -WorkingDirectory dir, ...) and this
        // run does not hand its process over to the build.
        private static readonly string[][] PlainSwitches =
        {
            new[] { "noprofile", "nop" }, new[] { "nologo", "nol" }, new[] { "noninteractive", "noni" }, new[] { "mta", "mta" }, new[] { "sta", "sta" },
        };

        public static int Run(string assembly, string workingDirectory, string scriptPath, object[] bound)
        {
            bool ownProcess;
            string[] words = ForwardedArguments(scriptPath, bound, out ownProcess);
            if (ownProcess && !OperatingSystem.IsWindows()) { Exec.Replace(assembly, workingDirectory, words); }

            // Not "& dotnet @forwarded": PowerShell's native-command call treats a "--%" word as its stop-parsing token
            // and then splits the words after it. A process started with an argument list gets each word exactly.
            ProcessStartInfo start = new ProcessStartInfo("dotnet") { UseShellExecute = false, WorkingDirectory = workingDirectory };
            start.ArgumentList.Add(assembly);
            foreach (string word in words) { start.ArgumentList.Add(word); }
            return Child.Run(start, false);
        }

        // The words after this script on pwsh's own command line, as the shell passed them. PowerShell's binding of $args
        // splits "-name:value" in two and drops "--%"; build.sh gets such words unchanged, so build.ps1 must too. Inside
        // a PowerShell session (./build.ps1 typed at the prompt) the process command line is the session's: $args it is then.
        // ownProcess: pwsh was started to run this script and nothing after it (pwsh [plain switches] [-File] build.ps1 ...).
        public static string[] ForwardedArguments(string scriptPath, object[] bound, out bool ownProcess)
        {
            ownProcess = true;
            string[] commandLine = Environment.GetCommandLineArgs();
            for (int i = 1; i < commandLine.Length; i++)
            {
                string word = commandLine[i];
                bool isSwitch = word.Length > 1 && (word[0] == '-' || word[0] == '/');
                if (isSwitch && CommandParameters.Contains(word.Substring(1))) { break; }
                if (!word.StartsWith('-') && word.EndsWith(".ps1", StringComparison.OrdinalIgnoreCase)
                    && string.Equals(Path.GetFullPath(word), scriptPath, StringComparison.OrdinalIgnoreCase))
                {
                    return commandLine[(i + 1)..];
                }

                bool fileSwitch = isSwitch && IsAbbreviation(word.Substring(1), "file", "f") && i + 1 < commandLine.Length;
                ownProcess = ownProcess && (fileSwitch || (isSwitch && PlainSwitches.Any(names => IsAbbreviation(word.Substring(1), names[0], names[1]))));
            }

            ownProcess = false;
            return LanguagePrimitives.ConvertTo<string[]>(bound ?? new object[0]);
        }

        private static bool IsAbbreviation(string word, string name, string shortest) =>
            name.StartsWith(word, StringComparison.OrdinalIgnoreCase) && word.StartsWith(shortest, StringComparison.OrdinalIgnoreCase);
    }

    // Linux and macOS: the build takes over this process, as it does from build.sh's exec. Signals then reach the build
    // itself, its exit code is the process's, and no pwsh waits for it and then shuts down (tens of milliseconds).
    public static class Exec
    {
        [DllImport("libc", SetLastError = true)]
        private static extern int execve(string path, string[] argv, string[] envp);

        // Returns only when the build could not be started this way; the caller then starts it as a child.
        public static void Replace(string assembly, string workingDirectory, string[] words)
        {
            string dotnet = OnPath("dotnet");
            if (dotnet == null) { return; }
            string[] argv = new string[words.Length + 3];
            argv[0] = dotnet;
            argv[1] = assembly;
            Array.Copy(words, 0, argv, 2, words.Length);

            // .NET keeps its own copy of the environment (what $env: and SetEnvironmentVariable changed): pass that one.
            List<string> environment = new List<string>();
            foreach (System.Collections.DictionaryEntry variable in Environment.GetEnvironmentVariables())
            {
                environment.Add(variable.Key + "=" + variable.Value);
            }

            environment.Add(null);

            // A PowerShell session's location need not be the process's directory.
            Directory.SetCurrentDirectory(workingDirectory);
            RemoveWhatExitWouldHave();
            execve(dotnet, argv, environment.ToArray());
        }

        // The runtime's diagnostic socket and debugger pipes and PowerShell's host pipe, named by this process's id in
        // the temp directory, which pwsh removes when it exits and an exec never does. The build, with the same id,
        // would also fail to create its own under the same names.
        private static void RemoveWhatExitWouldHave()
        {
            string pid = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
            try
            {
                foreach (string path in Directory.EnumerateFileSystemEntries(Path.GetTempPath(), "*" + pid + "*"))
                {
                    string name = Path.GetFileName(path);
                    if (name.StartsWith("dotnet-diagnostic-" + pid + "-", StringComparison.Ordinal)
                        || name.StartsWith("clr-debug-pipe-" + pid + "-", StringComparison.Ordinal)
                        || (name.StartsWith("CoreFxPipe_PSHost.", StringComparison.Ordinal) && name.Contains("." + pid + ".", StringComparison.Ordinal)))
                    {
                        File.Delete(path);
                    }
                }
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }

        // As a shell finds a command: the first executable file of that name along PATH.
        private static string OnPath(string name)
        {
            foreach (string directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
            {
                if (directory.Length == 0) { continue; }
                string candidate = Path.Combine(directory, name);
                if (File.Exists(candidate) && (File.GetUnixFileMode(candidate) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0)
                {
                    return candidate;
                }
            }

            return null;
        }
    }

    // A child process that is told whatever interrupts this one, as build.sh's exec gives the build the signals itself.
    // Without it a SIGTERM ended pwsh (143) and left the build running, and a Ctrl-C during the compile exited 0.
    public static class Child
    {
        public const int Interrupted = 130;

        [DllImport("libc", SetLastError = true)]
        private static extern int kill(int pid, int signal);

        // The child's exit code, or 130 when this process got SIGINT or SIGTERM while the child ran. Such a signal is
        // passed on (a terminal's Ctrl-C reaches the child too; the build takes a second one within a moment as the
        // same interrupt), as SIGTERM when terminate is set (the compile), and this process waits for the child to stop.
        public static int Run(ProcessStartInfo start, bool terminate)
        {
            object gate = new object();
            Process child = null;
            bool interrupted = false;
            Action<PosixSignalContext> forward = context =>
            {
                context.Cancel = true;
                lock (gate)
                {
                    interrupted = true;
                    if (child != null && !OperatingSystem.IsWindows())
                    {
                        // Windows delivers Ctrl-C to every process of the console; there is nothing to pass on.
                        kill(child.Id, context.Signal == PosixSignal.SIGINT && !terminate ? 2 : 15);
                    }
                }
            };

            using (PosixSignalRegistration.Create(PosixSignal.SIGINT, forward))
            using (PosixSignalRegistration.Create(PosixSignal.SIGTERM, forward))
            {
                lock (gate)
                {
                    // Interrupted before it started: start nothing, rather than a child that missed the signal.
                    if (interrupted) { return Interrupted; }
                    child = Process.Start(start);
                }

                using (child)
                {
                    child.WaitForExit();
                    lock (gate) { return interrupted ? Interrupted : child.ExitCode; }
                }
            }
        }
    }
}
'@

# Everything but the warm path: compiling the C# above, compiling the build, stamping it. In a string, run only when
# needed: PowerShell parses a whole file before it runs its first line, and parsing this code cost more than the warm
# path's own work, whereas a string is only read past. It runs under PowerShell 7 only (after the version check).
# From its start until the build starts, SIGINT and SIGTERM are noted instead of ending pwsh (SIGTERM with 143), and
# the run exits 130.
$ColdStart = @'
param($Reason, $Bootstrap, $Arguments, $Root, $ScriptPath, $Helper, $BootstrapSource)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

# The C# text a compiled copy was built from, appended to it as a constant when compiling it.
$BuiltFrom = 'namespace GitOpsBootstrap { internal static class BuiltFrom { public const string Source = @"{0}"; } }'

function Fail([string] $Message) {
    [Console]::Error.WriteLine("build.ps1: $Message")
    exit 1
}

# The message of what a .NET method threw, without PowerShell's "Exception calling ..." wrapper.
function Get-Reason($ErrorRecord) {
    $exception = $ErrorRecord.Exception
    if ($null -ne $exception.InnerException) { $exception = $exception.InnerException }
    return $exception.Message
}

# Set by SIGINT and SIGTERM, which then no longer end the process. The handler is compiled from an expression
# tree: it runs on a thread without a PowerShell runspace, where a script block cannot run.
function New-InterruptFlag {
    $flag = [System.Threading.ManualResetEventSlim]::new($false)
    $E = [System.Linq.Expressions.Expression]
    $context = $E::Parameter([System.Runtime.InteropServices.PosixSignalContext], 'context')
    $body = $E::Block(
        $E::Assign($E::Property($context, 'Cancel'), $E::Constant($true)),
        $E::Call($E::Constant($flag), [System.Threading.ManualResetEventSlim].GetMethod('Set', [type[]] @())))
    $handler = $E::Lambda([System.Action[System.Runtime.InteropServices.PosixSignalContext]], $body, $context).Compile()
    # Kept for the rest of the run: a registration that is collected no longer handles its signal.
    $script:InterruptRegistrations = @('SIGINT', 'SIGTERM' | ForEach-Object { [System.Runtime.InteropServices.PosixSignalRegistration]::Create($_, $handler) })
    return $flag
}

function Get-SdkVersion {
    return (Get-Content -Raw ([System.IO.Path]::Combine($Root, 'global.json')) | ConvertFrom-Json).sdk.version
}

function Assert-Dotnet {
    if (-not (Get-Command dotnet -CommandType Application -ErrorAction SilentlyContinue)) {
        Fail "dotnet was not found on PATH. Install the .NET SDK named in global.json ($(Get-SdkVersion) or a later feature band): https://dot.net/download"
    }

    # A process of its own, not "& dotnet": after a native command PowerShell puts back the terminal title it read,
    # which on Linux and macOS it cannot read, and so cleared the user's title (ESC]0;BEL).
    $check = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    $check.ArgumentList.Add('--version')
    $check.WorkingDirectory = $Root
    $check.RedirectStandardOutput = $true
    $check.RedirectStandardError = $true
    $process = [System.Diagnostics.Process]::Start($check)
    $errors = $process.StandardError.ReadToEndAsync()
    [void] $process.StandardOutput.ReadToEnd()
    [void] $errors.Result
    $process.WaitForExit()
    $ok = $process.ExitCode -eq 0
    $process.Dispose()
    if (-not $ok) {
        Fail "the dotnet on PATH does not satisfy global.json: install the SDK it names ($(Get-SdkVersion), rollForward latestFeature): https://dot.net/download"
    }
}

# Compiles the C# above into $Helper: in a child pwsh, into a file of this run's own, then renamed into place (several
# runs may compile at once). A child, because Add-Type in this process could not be stopped before it ends; an
# interrupted child is killed and its files deleted, so no half-written helper is left behind.
function Build-Bootstrap {
    [void] [System.IO.Directory]::CreateDirectory([System.IO.Path]::GetDirectoryName($Helper))
    $source = "$Helper.$PID.cs"
    $partial = "$Helper.$PID"
    $child = $null
    try {
        [System.IO.File]::WriteAllText($source, $BootstrapSource + "`n" + $BuiltFrom.Replace('{0}', $BootstrapSource.Replace('"', '""')))
        $pwsh = [System.Environment]::ProcessPath
        $start = [System.Diagnostics.ProcessStartInfo]::new($pwsh)
        # Started as "dotnet pwsh.dll" (the .NET tool), or as pwsh itself.
        if ([System.IO.Path]::GetFileNameWithoutExtension($pwsh) -eq 'dotnet') { $start.ArgumentList.Add([System.IO.Path]::Combine($PSHOME, 'pwsh.dll')) }
        $compile = '$ErrorActionPreference = ''Stop''; Add-Type -Path $env:GITOPS_BOOTSTRAP_SOURCE -OutputAssembly $env:GITOPS_BOOTSTRAP_OUTPUT -OutputType Library'
        foreach ($word in '-NoProfile', '-NonInteractive', '-Command', $compile) { $start.ArgumentList.Add($word) }
        $start.Environment['GITOPS_BOOTSTRAP_SOURCE'] = $source
        $start.Environment['GITOPS_BOOTSTRAP_OUTPUT'] = $partial
        $start.Environment['NO_COLOR'] = '1'
        $start.RedirectStandardOutput = $true
        $start.RedirectStandardError = $true
        if ($Interrupted.IsSet) { return }
        $child = [System.Diagnostics.Process]::Start($start)
        $output = $child.StandardOutput.ReadToEndAsync()
        $errors = $child.StandardError.ReadToEndAsync()
        while (-not $child.WaitForExit(100)) {
            if ($Interrupted.IsSet) { $child.Kill() }
        }
        if ($Interrupted.IsSet) { return }
        if ($child.ExitCode -ne 0 -or -not [System.IO.File]::Exists($partial)) {
            $reason = @(($errors.Result + $output.Result) -split "`n" | Where-Object { $_.Trim().Length -gt 0 })
            if ($reason.Count -eq 0) { $reason = @("pwsh exited with $($child.ExitCode)") }
            Fail "could not compile build.ps1's bootstrap code: $($reason[0].Trim())"
        }
        [System.IO.File]::Move($partial, $Helper, $true)
    }
    finally {
        if ($null -ne $child) {
            if (-not $child.HasExited) { $child.Kill(); [void] $child.WaitForExit(10000) }
            $child.Dispose()
        }
        foreach ($file in $source, $partial) {
            if ([System.IO.File]::Exists($file)) { [System.IO.File]::Delete($file) }
        }
    }
}

function Invoke-Compile {
    Assert-Dotnet
    $temp = [System.IO.Path]::Combine($Root, '.nuke', 'temp')
    [void] [System.IO.Directory]::CreateDirectory($temp)
    [System.IO.File]::Delete([System.IO.Path]::Combine($temp, 'build.stamp'))
    # As build.sh: outputs MSBuild rewrites in place and keeps when newer than their inputs; a killed compile would
    # leave them cut short for good.
    foreach ($output in '_build.runtimeconfig.json', '_build.deps.json') {
        $path = [System.IO.Path]::Combine($temp, 'build-bin', $output)
        # File.Delete throws when the folder is missing, as it is before the first compile.
        if ([System.IO.File]::Exists($path)) { [System.IO.File]::Delete($path) }
    }
    [Console]::Error.WriteLine('Compiling the build (its inputs changed)...')
    $log = [System.IO.Path]::Combine($temp, 'build-compile.log')
    $code = $Bootstrap::Compile($Root, $log)
    # 130: the compile was interrupted, also by a signal this process did not get (the finally below says so).
    if ($code -eq 130) { $Interrupted.Set() }
    if ($Interrupted.IsSet) { return }
    if ($code -ne 0) {
        # MSBuild stops before its loggers start on a bad command line or a missing project, and writes no log.
        if (-not [System.IO.File]::Exists($log)) { Fail "compiling build/_build.csproj failed: dotnet build exited with $code before writing its log" }
        $errors = @(Get-Content $log | Where-Object { $_ -match 'error|Error' })
        if ($errors.Count -eq 0) { $errors = @(Get-Content $log) }
        foreach ($line in $errors) { [Console]::Error.WriteLine($line) }
        Fail 'compiling build/_build.csproj failed (full output: .nuke/temp/build-compile.log)'
    }

    try { $Bootstrap::Stamped($Root) }
    catch { Fail "could not write the stamp .nuke/temp/build.stamp: $(Get-Reason $_)" }
}

$Interrupted = New-InterruptFlag
$compiling = 'its bootstrap code; the next run compiles it again'
try {
    if ($Reason -eq -1) {
        try { Build-Bootstrap } catch { Fail "could not compile build.ps1's bootstrap code: $(Get-Reason $_)" }
        if ($Interrupted.IsSet) { return 130 }
        $Bootstrap = [System.Reflection.Assembly]::Load([System.IO.File]::ReadAllBytes($Helper)).GetType('GitOpsBootstrap.Bootstrap', $true)
        $code = $Bootstrap::Run($BootstrapSource, $ExecutionContext, $Root, $ScriptPath, $Arguments)
        if ($code -eq -1) { Fail "the bootstrap code compiled into $Helper is not this file's" }
        if ($code -ge 0) { return $code }
    }

    $compiling = 'the build; nothing was stamped, the next run compiles again'
    Invoke-Compile
    if ($Interrupted.IsSet) { return 130 }
    return $Bootstrap::Start($ExecutionContext, $Root, $ScriptPath, $Arguments)
}
catch {
    # Whatever else stops the cold path is one line, never PowerShell's error record with its source excerpt.
    if (-not $Interrupted.IsSet) { Fail "could not prepare the build: $(Get-Reason $_)" }
}
finally {
    # Also reached when PowerShell stops the script for a Ctrl-C.
    if ($Interrupted.IsSet) {
        [Console]::Error.WriteLine("build.ps1: interrupted while compiling $compiling")
        exit 130
    }
}
'@

# The warm path, one call: the helper checks that it was compiled from this text and that the build is current, then
# starts the build (on Linux and macOS in place of this process, as build.sh's exec). Anything else it answers with a
# negative number, and ColdStart does the rest.
# A link to this file (~/bin/gitops.ps1 -> /repo/build.ps1) stands for the repository it points into, as in build.sh:
# every link of the chain followed, a relative target read from its link's directory. Resolved before anything is
# read or written; $PSCommandPath stays the path as run, to find it on the command line and to name it in messages.
$root = $PSScriptRoot
$target = [System.IO.File]::ResolveLinkTarget($PSCommandPath, $true)
if ($null -ne $target) { $root = [System.IO.Path]::GetDirectoryName($target.FullName) }
$Helper = "$root/.nuke/temp/build-bootstrap.dll"
$bootstrap = $null
try {
    $bootstrap = [System.Reflection.Assembly]::Load([System.IO.File]::ReadAllBytes($Helper)).GetType('GitOpsBootstrap.Bootstrap', $true)
    $code = $bootstrap::Run($BootstrapSource, $ExecutionContext, $root, $PSCommandPath, $args)
}
catch {
    # Not compiled yet, cut short, or from another runtime: compiled again.
    $code = -1
}

if ($code -lt 0) { $code = & ([scriptblock]::Create($ColdStart)) $code $bootstrap $args $root $PSCommandPath $Helper $BootstrapSource }
exit $code
