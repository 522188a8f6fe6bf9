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

$ErrorActionPreference = 'Stop'
$PSNativeCommandUseErrorActionPreference = $false
Set-StrictMode -Version Latest

$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'
$env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = '1'

$Root = $PSScriptRoot
$Temp = [System.IO.Path]::Combine($Root, '.nuke', 'temp')
$Bin = [System.IO.Path]::Combine($Temp, 'build-bin')
$Stamp = [System.IO.Path]::Combine($Temp, 'build.stamp')
$Assembly = [System.IO.Path]::Combine($Bin, '_build.dll')
$InputNames = @('build', 'src', 'global.json', 'Directory.Build.props', 'Directory.Packages.props', '.editorconfig')

function Fail([string] $Message) {
    [Console]::Error.WriteLine("build.ps1: $Message")
    exit 1
}

# The words after this script on pwsh's own command line, as the shell passed them. PowerShell's binding of $args
# splits "-name:value" in two and drops "--%"; build.sh gets such words unchanged, so build.ps1 must too. Inside a
# PowerShell session (./build.ps1 typed at the prompt) the process command line is the session's: $args it is then.
function Get-ForwardedArguments([object[]] $Bound) {
    $commandLine = [Environment]::GetCommandLineArgs()
    for ($i = 1; $i -lt $commandLine.Length; $i++) {
        $word = $commandLine[$i]
        if ($word -match '^[-/](c|co|com|comm|comma|comman|command|e|ec|encodedcommand|commandwithargs|cwa)$') {
            break
        }

        if (-not $word.StartsWith('-') -and $word.EndsWith('.ps1', [StringComparison]::OrdinalIgnoreCase)) {
            $full = [System.IO.Path]::GetFullPath($word)
            if ([string]::Equals($full, $PSCommandPath, [StringComparison]::OrdinalIgnoreCase)) {
                $rest = [string[]]::new($commandLine.Length - $i - 1)
                [Array]::Copy($commandLine, $i + 1, $rest, 0, $rest.Length)
                return , $rest
            }
        }
    }

    return , [string[]] @($Bound)
}

# Sets $script:Listing ("<path> <size> <mtime>" lines, sorted bytewise, each ending in "\n"), $script:Files (relative
# paths) and $script:NewestMtime. Mirrors build.sh's find: skips anything named bin or obj below the inputs (never the
# repository's own path), includes dot-files, and does not follow or list symbolic links.
function Read-Listing {
    $options = [System.IO.EnumerationOptions]::new()
    $options.AttributesToSkip = [System.IO.FileAttributes]::None
    $options.IgnoreInaccessible = $false
    $found = [System.Collections.Generic.List[System.IO.FileInfo]]::new()
    $pending = [System.Collections.Generic.Stack[System.IO.DirectoryInfo]]::new()
    foreach ($name in $InputNames) {
        $path = [System.IO.Path]::Combine($Root, $name)
        if ([System.IO.Directory]::Exists($path)) { $pending.Push([System.IO.DirectoryInfo]::new($path)) }
        elseif ([System.IO.File]::Exists($path)) { $found.Add([System.IO.FileInfo]::new($path)) }
    }

    while ($pending.Count -gt 0) {
        foreach ($entry in $pending.Pop().EnumerateFileSystemInfos('*', $options)) {
            if ($entry.Name -ceq 'bin' -or $entry.Name -ceq 'obj') { continue }
            if ($entry.Attributes -band [System.IO.FileAttributes]::ReparsePoint) { continue }
            if ($entry -is [System.IO.DirectoryInfo]) { $pending.Push($entry) } else { $found.Add($entry) }
        }
    }

    $lines = [string[]]::new($found.Count)
    $script:Files = [string[]]::new($found.Count)
    $script:NewestMtime = [long]::MinValue
    for ($i = 0; $i -lt $found.Count; $i++) {
        $file = $found[$i]
        $relative = $file.FullName.Substring($Root.Length + 1).Replace('\', '/')
        $mtime = [DateTimeOffset]::new($file.LastWriteTimeUtc).ToUnixTimeSeconds()
        if ($mtime -gt $script:NewestMtime) { $script:NewestMtime = $mtime }
        $script:Files[$i] = $relative
        $lines[$i] = "$relative $($file.Length) $mtime"
    }

    [Array]::Sort($lines, [StringComparer]::Ordinal)
    $script:Listing = Join-Lines $lines
}

function Join-Lines([string[]] $Lines) {
    $text = [System.Text.StringBuilder]::new()
    foreach ($line in $Lines) { [void] $text.Append($line).Append("`n") }
    return $text.ToString()
}

function Get-Sha256([byte[]] $Bytes) {
    return [Convert]::ToHexString([System.Security.Cryptography.SHA256]::HashData($Bytes)).ToLowerInvariant()
}

function Get-ContentHash {
    $lines = [string[]]::new($script:Files.Length)
    for ($i = 0; $i -lt $lines.Length; $i++) {
        $bytes = [System.IO.File]::ReadAllBytes([System.IO.Path]::Combine($Root, $script:Files[$i]))
        $lines[$i] = "$(Get-Sha256 $bytes)  $($script:Files[$i])"
    }

    [Array]::Sort($lines, [StringComparer]::Ordinal)
    return Get-Sha256 ([System.Text.Encoding]::UTF8.GetBytes((Join-Lines $lines)))
}

# As in build.sh: a file changed again within the second its mtime was read would look unchanged, so such a listing
# is written as "racy" and the next run compares content instead.
function Write-Stamp([string] $Content) {
    $now = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds()
    $listing = if ($script:NewestMtime -ge $now - 1) { "racy`n" } else { $script:Listing }
    $partial = "$Stamp.$PID"
    [System.IO.File]::WriteAllText($partial, "content $Content`n$listing")
    [System.IO.File]::Move($partial, $Stamp, $true)
}

function Get-SdkVersion {
    return (Get-Content -Raw ([System.IO.Path]::Combine($Root, 'global.json')) | ConvertFrom-Json).sdk.version
}

function Assert-Dotnet {
    if (-not (Get-Command dotnet -CommandType Application -ErrorAction SilentlyContinue)) {
        Fail "dotnet was not found on PATH. Install the .NET SDK named in global.json ($(Get-SdkVersion) or a later feature band): https://dot.net/download"
    }

    Push-Location $Root
    try { & dotnet --version *> $null; $ok = $LASTEXITCODE -eq 0 } finally { Pop-Location }
    if (-not $ok) {
        Fail "the dotnet on PATH does not satisfy global.json: install the SDK it names ($(Get-SdkVersion), rollForward latestFeature): https://dot.net/download"
    }
}

function Invoke-Compile([string] $Content) {
    Assert-Dotnet
    [void] [System.IO.Directory]::CreateDirectory($Temp)
    [System.IO.File]::Delete($Stamp)
    [Console]::Error.WriteLine('Compiling the build (its inputs changed)...')
    $log = [System.IO.Path]::Combine($Temp, 'build-compile.log')
    & dotnet build ([System.IO.Path]::Combine($Root, 'build', '_build.csproj')) -c Release -o $Bin -nologo -v quiet -clp:NoSummary *> $log
    if ($LASTEXITCODE -ne 0) {
        $errors = @(Get-Content $log | Where-Object { $_ -match 'error|Error' })
        if ($errors.Count -eq 0) { $errors = @(Get-Content $log) }
        foreach ($line in $errors) { [Console]::Error.WriteLine($line) }
        Fail 'compiling build/_build.csproj failed (full output: .nuke/temp/build-compile.log)'
    }

    Write-Stamp $Content
}

$forwarded = Get-ForwardedArguments $args
try {
    Read-Listing
    $stampedContent = ''
    $stampedListing = ''
    if ([System.IO.File]::Exists($Stamp) -and [System.IO.File]::Exists($Assembly)) {
        $stamped = [System.IO.File]::ReadAllText($Stamp)
        $firstLineEnd = $stamped.IndexOf("`n")
        if ($stamped.StartsWith('content ') -and $firstLineEnd -gt 0) {
            $stampedContent = $stamped.Substring(8, $firstLineEnd - 8)
            $stampedListing = $stamped.Substring($firstLineEnd + 1)
        }
    }

    if ($stampedListing -cne $script:Listing) {
        $content = Get-ContentHash
        if ($stampedContent -ne '' -and $stampedContent -ceq $content) {
            Write-Stamp $content
        }
        else {
            Invoke-Compile $content
        }
    }
}
catch {
    Fail "could not tell whether the build is current: $($_.Exception.Message)"
}

# Not "& dotnet @forwarded": PowerShell's native-command call treats a "--%" word as its stop-parsing token and then
# splits the words after it. A process started with an argument list gets each word exactly, on every platform.
$start = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
$start.UseShellExecute = $false
$start.WorkingDirectory = $ExecutionContext.SessionState.Path.CurrentFileSystemLocation.ProviderPath
$start.ArgumentList.Add($Assembly)
foreach ($word in $forwarded) { $start.ArgumentList.Add($word) }
$build = [System.Diagnostics.Process]::Start($start)
$build.WaitForExit()
exit $build.ExitCode
