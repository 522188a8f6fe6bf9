#!/usr/bin/env pwsh
# Bootstrap for the GitOps build (PowerShell). Same contract as build.sh: compile build/ only when its inputs changed
# (stamps over their metadata and content), then run the compiled build directly, forwarding every argument and the exit code.
[CmdletBinding()]
param([Parameter(ValueFromRemainingArguments = $true)] [string[]] $BuildArguments)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'
$env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = '1'

$Root = $PSScriptRoot
$Temp = Join-Path $Root '.nuke/temp'
$Bin = Join-Path $Temp 'build-bin'
$Stamp = Join-Path $Temp 'build.stamp'
$Assembly = Join-Path $Bin '_build.dll'

function Get-Inputs {
    $files = @('build', 'src') | ForEach-Object { Get-ChildItem -Path (Join-Path $Root $_) -Recurse -File } |
        Where-Object { $_.FullName -notmatch '[\\/](bin|obj)[\\/]' }
    $files += @('global.json', 'Directory.Build.props', 'Directory.Packages.props', '.editorconfig') |
        ForEach-Object { Get-Item (Join-Path $Root $_) }
    return $files | Sort-Object { [System.IO.Path]::GetRelativePath($Root, $_.FullName).Replace('\', '/') } -CaseSensitive
}

function Get-Hash([string[]] $Lines) {
    $bytes = [System.Text.Encoding]::UTF8.GetBytes(($Lines -join "`n"))
    return [System.BitConverter]::ToString([System.Security.Cryptography.MD5]::HashData($bytes))
}

# Two stamps, as in build.sh: metadata (cheap, every run) and content (only when the metadata changed).
function Get-MetadataHash($Files) {
    return Get-Hash ($Files | ForEach-Object { "$($_.FullName) $($_.Length) $($_.LastWriteTimeUtc.Ticks)" })
}

function Get-ContentHash($Files) {
    return Get-Hash ($Files | ForEach-Object { "$((Get-FileHash $_.FullName -Algorithm MD5).Hash)  $([System.IO.Path]::GetRelativePath($Root, $_.FullName).Replace('\', '/'))" })
}

function Assert-Dotnet {
    $required = (Get-Content (Join-Path $Root 'global.json') | ConvertFrom-Json).sdk.version
    if (-not (Get-Command dotnet -ErrorAction SilentlyContinue)) {
        Write-Error "build.ps1: dotnet was not found on PATH. Install the .NET SDK $required (or a later feature band): https://dot.net/download"
        exit 1
    }
    Push-Location $Root
    try { dotnet --version *> $null; $ok = $LASTEXITCODE -eq 0 } finally { Pop-Location }
    if (-not $ok) {
        Write-Error "build.ps1: the dotnet on PATH does not satisfy global.json: install the SDK it names ($required, rollForward latestFeature): https://dot.net/download"
        exit 1
    }
}

$inputs = Get-Inputs
$metadata = Get-MetadataHash $inputs
$stamped = if ((Test-Path $Stamp) -and (Test-Path $Assembly)) { @(Get-Content $Stamp) } else { @('', '') }
if ($stamped.Count -lt 2 -or $stamped[0] -ne $metadata) {
    $content = Get-ContentHash $inputs
    if ($stamped.Count -ge 2 -and $stamped[1] -eq $content) {
        Set-Content -Path $Stamp -Value @($metadata, $content)
    }
    else {
        Assert-Dotnet
        New-Item -ItemType Directory -Force -Path $Temp | Out-Null
        Remove-Item -Force -ErrorAction SilentlyContinue $Stamp
        [Console]::Error.WriteLine('Compiling the build (its inputs changed)...')
        $log = Join-Path $Temp 'build-compile.log'
        dotnet build (Join-Path $Root 'build/_build.csproj') -c Release -o $Bin -nologo -v quiet -clp:NoSummary *> $log
        if ($LASTEXITCODE -ne 0) {
            Get-Content $log | Select-String -Pattern 'error' | ForEach-Object { [Console]::Error.WriteLine($_) }
            [Console]::Error.WriteLine("build.ps1: compiling build/_build.csproj failed (full output: .nuke/temp/build-compile.log)")
            exit 1
        }
        Set-Content -Path $Stamp -Value @($metadata, $content)
    }
}

& dotnet $Assembly @BuildArguments
exit $LASTEXITCODE
