#:project ../../src/GitOps.Platform/GitOps.Platform.csproj
#:property RestorePackagesWithLockFile=false
#:property NoWarn=$(NoWarn);NU1603
// Console entry for verify-benchmark.sh (a .NET file-based app: no project file, no lock file of its own). Times the Verify verifier over the
// repository's environments and over generated values files, and prints the median milliseconds of each.
// Without a lock file NuGet warns (NU1603) that Semver's Microsoft.Extensions.Primitives 5.0.1 resolved to 6.0.0: the
// version src/GitOps.Platform/packages.lock.json pins too, so the warning is off here.
// Usage: dotnet run verify-benchmark.cs -- <repository root> <runs> <generated list: "stage-cloud<TAB>path" per line>
using System.Diagnostics;
using System.Globalization;
using GitOps.Platform.Environments;
using GitOps.Platform.Helm;
using GitOps.Platform.Verification;
using GitOps.Platform.Verification.Schemas;
using GitOps.Targets.Output;
using GitOps.Targets.Tooling;

var root = Path.GetFullPath(args[0]);
var runs = int.Parse(args[1], CultureInfo.InvariantCulture);
var generated = File.ReadAllLines(args[2])
    .Where(line => line.Length > 0)
    .Select(line => line.Split('\t'))
    .Select(parts => new EnvironmentValuesFile(
        EnvironmentId.TryParse(parts[0], out var environment) ? environment : throw new FormatException(parts[0]), parts[1]))
    .ToList();

var tools = Path.Combine(root, ".nuke", "tools");
var runner = new ToolRunner(new ToolLocator(tools), NullLog.Instance, new SecretMasker());
var helm = new HelmCli(runner, await HelmInstaller.EnsureAsync(tools, runner, NullLog.Instance, inPipeline: false, CancellationToken.None));
var schemas = new ManifestSchemaValidator(runner, await ManifestSchemaInstaller.EnsureAsync(tools, runner, NullLog.Instance, CancellationToken.None));
var verifier = new EnvironmentVerifier(helm, schemas, runner, NullLog.Instance);

await verifier.VerifyAsync(root, CancellationToken.None); // warm-up: JIT, file cache
var real = await MedianAsync(async () => await verifier.VerifyAsync(root, CancellationToken.None));
var many = await MedianAsync(async () => await verifier.VerifyEnvironmentsAsync(root, generated, CancellationToken.None));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"real {real:0}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generated {many:0}"));

async Task<double> MedianAsync(Func<Task<IReadOnlyList<Finding>>> verify)
{
    var times = new List<double>();
    for (var run = 0; run < runs; run++)
    {
        var stopwatch = Stopwatch.StartNew();
        var findings = await verify();
        times.Add(stopwatch.Elapsed.TotalMilliseconds);
        if (findings.Count > 0)
        {
            Console.Error.WriteLine($"unexpected findings:{Environment.NewLine}{string.Join(Environment.NewLine, findings)}");
            Environment.Exit(1);
        }
    }

    times.Sort();
    return times[times.Count / 2];
}
