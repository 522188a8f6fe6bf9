using System.Text.Json.Nodes;

namespace GitOps.TestDoubles.Kubernetes;

public sealed partial class SimulatedArgoCdController
{
    /// <summary>
    /// What happens when the parent renders a child at a new revision: the child's spec changes at once while its
    /// status still reports Synced/Healthy for the old revision, and only after <paramref name="reconcileAfter"/> does
    /// the controller compare again and report on the new one.
    /// </summary>
    public void ReviseChild(string child, string targetRevision, TimeSpan reconcileAfter)
    {
        UpdateChild(child, "child-revised", application => application["spec"]!["source"]!["targetRevision"] = targetRevision);
        Begin($"reconcile:{child}", async () =>
        {
            await Task.Delay(reconcileAfter, stop.Token);
            UpdateChild(child, "child-reconciled", application => SettleChild(application, ArgoOutcome.Healthy));
        });
    }

    /// <summary>Changes an existing Application's spec or status as the controller (or the parent's sync) would.</summary>
    public void UpdateChild(string name, string action, Action<JsonObject> change) => Update(name, action, change);
}
