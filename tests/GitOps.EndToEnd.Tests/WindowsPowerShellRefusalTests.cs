using GitOps.EndToEnd.Tests.Support;

namespace GitOps.EndToEnd.Tests;

/// <summary>
/// build.ps1 under Windows PowerShell 5.1 must say in one line that PowerShell 7 is needed and exit 2. 5.1 cannot run
/// here, so this runs build.ps1's own version check under pwsh 7 with a 5.1 version table in place of the automatic one
/// (which is constant), and checks that the whole file keeps to syntax 5.1 can parse, since 5.1 parses the whole
/// script before it runs its first line. Not proven: how 5.1 itself binds the rest of the file, and its console.
/// </summary>
public sealed class WindowsPowerShellRefusalTests
{
    private const string Check = "if ($PSVersionTable.PSVersion.Major -lt 7) {";

    [Fact]
    public void The_version_check_comes_first_and_refuses_5_1_in_one_line_with_exit_2()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot.Find(), "build.ps1"));
        var start = Array.IndexOf(lines, Check);
        start.ShouldBeGreaterThan(0, "build.ps1 has no version check at the start of a line");
        lines[..start].ShouldAllBe(line => line.Length == 0 || line.StartsWith('#'), "nothing may run before the version check");
        var end = Array.IndexOf(lines, "}", start);
        end.ShouldBeGreaterThan(start);

        var directory = Directory.CreateTempSubdirectory("gitops-ps51-").FullName;
        var probe = Path.Combine(directory, "version-check.ps1");
        File.WriteAllLines(probe, [
            "$WindowsPowerShell = @{ PSVersion = [version]'5.1.19041.4291'; PSEdition = 'Desktop' }",
            .. lines[start..(end + 1)].Select(line => line.Replace("$PSVersionTable", "$WindowsPowerShell", StringComparison.Ordinal)),
            "[Console]::Out.WriteLine('went on past the check')",
        ]);

        var result = PowerShell.RunFile(probe, [], directory);
        Directory.Delete(directory, recursive: true);

        result.ExitCode.ShouldBe(2);
        result.Output.ShouldBeEmpty();
        result.Error.TrimEnd('\n').Split('\n').ShouldHaveSingleItem().ShouldStartWith("build.ps1: PowerShell 7 or later is needed (this is Windows PowerShell 5.1.19041.4291)");
    }

    [Fact]
    public void Build_ps1_uses_no_syntax_newer_than_windows_powershell_5_1()
    {
        // Ternaries, pipeline chains (&& ||), null-coalescing (?? ??=) and null-conditional access (?. ?[]) came with
        // PowerShell 7: Windows PowerShell 5.1 would refuse the whole file with parse errors instead of the one line.
        const string Scan = """
            $errors = $null
            $ast = [System.Management.Automation.Language.Parser]::ParseFile($args[0], [ref] $null, [ref] $errors)
            if ($errors.Count -gt 0) { [Console]::Out.WriteLine("parse error: $($errors[0].Message)") }
            $newer = $ast.FindAll({
                param($node)
                $node -is [System.Management.Automation.Language.TernaryExpressionAst] -or
                $node -is [System.Management.Automation.Language.PipelineChainAst] -or
                ($node -is [System.Management.Automation.Language.BinaryExpressionAst] -and $node.Operator -eq 'QuestionQuestion') -or
                ($node -is [System.Management.Automation.Language.AssignmentStatementAst] -and $node.Operator -eq 'QuestionQuestionEquals') -or
                ($node -is [System.Management.Automation.Language.MemberExpressionAst] -and $node.NullConditional) -or
                ($node -is [System.Management.Automation.Language.IndexExpressionAst] -and $node.NullConditional)
            }, $true)
            foreach ($node in $newer) { [Console]::Out.WriteLine("line $($node.Extent.StartLineNumber): $($node.Extent.Text)") }
            if ($null -ne $ast.CleanBlock) { [Console]::Out.WriteLine('a clean block') }
            """;
        var directory = Directory.CreateTempSubdirectory("gitops-ps51-").FullName;
        var scan = Path.Combine(directory, "scan.ps1");
        File.WriteAllText(scan, Scan);

        var result = PowerShell.RunFile(scan, [Path.Combine(RepositoryRoot.Find(), "build.ps1")], directory);
        Directory.Delete(directory, recursive: true);

        result.ExitCode.ShouldBe(0, result.Error);
        result.Error.ShouldBeEmpty();
        result.Output.ShouldBeEmpty("PowerShell 7 only syntax in build.ps1");
    }
}
