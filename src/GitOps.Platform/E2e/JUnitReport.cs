using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace GitOps.Platform.E2e;

/// <summary>Counts of a JUnit XML report, and the one-case report written when a suite leaves none.</summary>
internal sealed record JUnitReport(int Tests, int Failures, int Errors, int Skipped)
{
    /// <summary>Counts the test cases of a report; null when the file is missing or not JUnit XML.</summary>
    public static JUnitReport? TryRead(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var cases = XDocument.Load(path).Descendants("testcase").ToList();
            return new JUnitReport(
                cases.Count,
                cases.Count(test => test.Element("failure") is not null),
                cases.Count(test => test.Element("error") is not null),
                cases.Count(test => test.Element("skipped") is not null));
        }
        catch (XmlException)
        {
            return null;
        }
    }

    /// <summary>Writes a report of one case standing for the whole command, failed unless it exited 0.</summary>
    public static JUnitReport WriteSingleCase(string path, string suite, string caseName, string? failure, DateTimeOffset timestamp)
    {
        var testCase = new XElement("testcase", new XAttribute("classname", suite), new XAttribute("name", caseName));
        if (failure is not null)
        {
            testCase.Add(new XElement("failure", new XAttribute("message", failure), failure));
        }

        var failures = failure is null ? 0 : 1;
        var document = new XDocument(new XElement("testsuites",
            new XElement("testsuite",
                new XAttribute("name", suite),
                new XAttribute("tests", 1),
                new XAttribute("failures", failures),
                new XAttribute("errors", 0),
                new XAttribute("skipped", 0),
                new XAttribute("timestamp", timestamp.UtcDateTime.ToString("s", CultureInfo.InvariantCulture)),
                testCase)));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        document.Save(path);
        return new JUnitReport(1, failures, 0, 0);
    }
}
