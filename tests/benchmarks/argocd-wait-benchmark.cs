#:project ../GitOps.TestDoubles/GitOps.TestDoubles.csproj
#:property NuGetLockFilePath=argocd-wait-benchmark.packages.lock.json
// Issue 5, item 8: the delay between the simulated Argo CD marking everything Synced and Healthy and
// DeployAppOfApps returning. Goal: median under half a second. Run through argocd-wait-benchmark.sh.
using System.Globalization;
using GitOps.TestDoubles.Kubernetes;

var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 7;
var result = await ArgoCdWaitBenchmark.MeasureAsync(runs, Console.Out);
Console.WriteLine($"median: {result.Median.TotalMilliseconds:F1} ms over {runs} runs (max {result.Max.TotalMilliseconds:F1} ms; goal < 500 ms)");
return result.Median < TimeSpan.FromMilliseconds(500) ? 0 : 1;
