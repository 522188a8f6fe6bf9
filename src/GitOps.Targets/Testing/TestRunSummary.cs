using System.Xml.Linq;

namespace GitOps.Targets.Testing;

/// <summary>
/// Totals over the TRX files a <c>dotnet test --logger trx</c> run wrote. A run is green only when something ran,
/// nothing failed and nothing was skipped: a skipped test is a check that did not happen.
/// </summary>
public sealed record TestRunSummary(int Passed, int Failed, int Skipped, IReadOnlyList<string> FailedTests)
{
    public int Total => Passed + Failed + Skipped;

    public bool IsGreen => Total > 0 && Failed == 0 && Skipped == 0;

    /// <summary>The plain closing line CI reads: "Tests: N passed, N failed, N skipped".</summary>
    public string ClosingLine => $"Tests: {Passed} passed, {Failed} failed, {Skipped} skipped";

    public static TestRunSummary FromDirectory(string directory)
    {
        var files = Directory.Exists(directory) ? Directory.GetFiles(directory, "*.trx", SearchOption.AllDirectories) : [];
        var results = files.SelectMany(file => XDocument.Load(file).Descendants().Where(element => element.Name.LocalName == "UnitTestResult")).ToList();
        int Count(string outcome) => results.Count(result => (string?)result.Attribute("outcome") == outcome);
        var failed = results.Where(result => (string?)result.Attribute("outcome") == "Failed")
            .Select(result => (string?)result.Attribute("testName") ?? "?").ToList();
        return new TestRunSummary(Count("Passed"), failed.Count, results.Count - Count("Passed") - failed.Count, failed);
    }
}
