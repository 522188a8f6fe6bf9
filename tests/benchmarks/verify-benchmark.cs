#:project ../../src/GitOps.Platform/GitOps.Platform.csproj
#:property RestorePackagesWithLockFile=false
#:property NoWarn=$(NoWarn);NU1603
// Console entry for verify-benchmark.sh (a .NET file-based app: no project file, no lock file of its own). Times the Verify verifier over the
// repository's environments and over generated values files, and the serial sum of helm lint + helm template per
// environment over the same lists, and prints the median milliseconds of each. The four are interleaved round by
// round, so that on a shared machine each meets the same load.
// The serial baseline gives helm what Verify gives it for each environment, as Argo CD does: the stage's chart (a
// promoted stage's at its pin, exported once like Verify's), the values file at the same commit, and the parent's
// deployedRelease as --set-string.
// Without a lock file NuGet warns (NU1603) that Semver's Microsoft.Extensions.Primitives 5.0.1 resolved to 6.0.0: the
// version src/GitOps.Platform/packages.lock.json pins too, so the warning is off here.
// Prints "<name> <median wall ms> <median CPU ms>" per measurement.
// Usage: dotnet run verify-benchmark.cs -- <repository root> <runs> <generated list> <real list>
//   (lists: "stage-cloud<TAB>path" per line)
using System.Diagnostics;
using System.Globalization;
using GitOps.Platform.Environments;
using GitOps.Platform.Git;
using GitOps.Platform.Helm;
using GitOps.Platform.Verification;
using GitOps.Platform.Verification.Schemas;
using GitOps.Targets.Output;
using GitOps.Targets.Tooling;

var root = Path.GetFullPath(args[0]);
var runs = int.Parse(args[1], CultureInfo.InvariantCulture);
var generated = ReadList(args[2]);
var real = ReadList(args[3]);

var tools = Path.Combine(root, ".nuke", "tools");
var runner = new ToolRunner(new ToolLocator(tools), NullLog.Instance, new SecretMasker());
var helmPath = await HelmInstaller.EnsureAsync(tools, runner, NullLog.Instance, inPipeline: false, CancellationToken.None);
var helm = new HelmCli(runner, helmPath);
var schemas = new ManifestSchemaValidator(runner, await ManifestSchemaInstaller.EnsureAsync(tools, runner, NullLog.Instance, CancellationToken.None));
var verifier = new EnvironmentVerifier(helm, schemas, runner, NullLog.Instance);
var catalog = StageCatalog.Load(Path.Combine(root, EnvironmentLayout.StagesFile), EnvironmentLayout.StagesFile);
var stageCharts = new StageCharts(new GitCli(runner, root), root);
var realHelm = await HelmInputsAsync(real);
var generatedHelm = await HelmInputsAsync(generated);

var times = new Dictionary<string, List<double>>(StringComparer.Ordinal);
var cpu = new Dictionary<string, List<double>>(StringComparer.Ordinal);
for (var round = 0; round <= runs; round++)
{
    // Round 0 warms up (JIT, file cache) and is not counted.
    await TimeAsync(round, "real", async () => Expect(await verifier.VerifyAsync(root, CancellationToken.None)));
    await TimeAsync(round, "real-serial", () => SerialAsync(realHelm));
    await TimeAsync(round, "generated", async () => Expect(await verifier.VerifyEnvironmentsAsync(root, generated, CancellationToken.None)));
    await TimeAsync(round, "generated-serial", () => SerialAsync(generatedHelm));
}

foreach (var (name, samples) in times)
{
    samples.Sort();
    cpu[name].Sort();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} {samples[samples.Count / 2]:0} {cpu[name][cpu[name].Count / 2]:0}"));
}

async Task TimeAsync(int round, string name, Func<Task> work)
{
    var cpuBefore = CpuMilliseconds();
    var stopwatch = Stopwatch.StartNew();
    await work();
    if (round > 0)
    {
        (times.TryGetValue(name, out var samples) ? samples : times[name] = []).Add(stopwatch.Elapsed.TotalMilliseconds);
        (cpu.TryGetValue(name, out var used) ? used : cpu[name] = []).Add(CpuMilliseconds() - cpuBefore);
    }
}

// CPU time of this process and of its finished children (helm, git, node), from /proc/self/stat: utime, stime,
// cutime, cstime in clock ticks (100 per second on Linux). On a shared machine the scheduler shares the cores between
// sessions, not processes, so under load the wall time tends towards the CPU time whatever the parallelism.
static double CpuMilliseconds()
{
    var stat = File.ReadAllText("/proc/self/stat");
    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
    return fields.Skip(11).Take(4).Sum(field => double.Parse(field, CultureInfo.InvariantCulture)) * 10;
}

// What one would run by hand: each environment's lint, then its template, one helm process at a time.
async Task SerialAsync(IReadOnlyList<(EnvironmentId Environment, string Chart, string[] Arguments)> environments)
{
    foreach (var (environment, chart, arguments) in environments)
    {
        await HelmAsync(["lint", chart, .. arguments]);
        await HelmAsync(["template", EnvironmentLayout.ReleaseName(environment), chart, "--namespace", "argocd", .. arguments]);
    }
}

// Each environment's chart, values file and parameters, as Verify's EnvironmentCheck.Prepare chooses them.
async Task<List<(EnvironmentId Environment, string Chart, string[] Arguments)>> HelmInputsAsync(IReadOnlyList<EnvironmentValuesFile> environments)
{
    var inputs = new List<(EnvironmentId, string, string[])>();
    foreach (var entry in environments)
    {
        var stageChart = await stageCharts.ForStageAsync(catalog, entry.Environment.Stage, CancellationToken.None);
        if (!catalog.IsPinned(entry.Environment.Stage))
        {
            inputs.Add((entry.Environment, stageChart.Directory, ["--values", entry.Path]));
            continue;
        }

        var parentFile = EnvironmentLayout.AppOfAppsFile(entry.Environment.Stage);
        if (!ParentReleases.TryParse(File.ReadAllText(Path.Combine(root, parentFile)), parentFile, entry.Environment, out var release, out var error))
        {
            Console.Error.WriteLine($"{error.File}:{error.Line}: {error.Message}");
            Environment.Exit(1);
        }

        // Verify escapes the release for --set-string as HelmCli does; a SemVer has nothing to escape.
        inputs.Add((entry.Environment, stageChart.Directory,
            ["--values", stageChart.ValuesFile(entry.Environment), "--set-string", $"{ParentReleases.Parameter}={release.Value}"]));
    }

    return inputs;
}

async Task HelmAsync(params string[] words)
{
    var start = new ProcessStartInfo(helmPath) { RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (var word in words)
    {
        start.ArgumentList.Add(word);
    }

    using var process = Process.Start(start)!;
    var output = process.StandardOutput.ReadToEndAsync();
    var error = process.StandardError.ReadToEndAsync();
    await process.WaitForExitAsync();
    await Task.WhenAll(output, error);
    if (process.ExitCode != 0)
    {
        Console.Error.WriteLine($"helm {string.Join(' ', words)} failed: {await error}");
        Environment.Exit(1);
    }
}

static void Expect(IReadOnlyList<Finding> findings)
{
    if (findings.Count > 0)
    {
        Console.Error.WriteLine($"unexpected findings:{Environment.NewLine}{string.Join(Environment.NewLine, findings)}");
        Environment.Exit(1);
    }
}

static List<EnvironmentValuesFile> ReadList(string path) =>
    File.ReadAllLines(path)
        .Where(line => line.Length > 0)
        .Select(line => line.Split('\t'))
        .Select(parts => new EnvironmentValuesFile(
            EnvironmentId.TryParse(parts[0], out var environment) ? environment : throw new FormatException(parts[0]), parts[1]))
        .ToList();
