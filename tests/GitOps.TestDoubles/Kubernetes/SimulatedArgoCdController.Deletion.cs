using System.Text.Json.Nodes;

namespace GitOps.TestDoubles.Kubernetes;

public sealed partial class SimulatedArgoCdController
{
    // The cascade: Argo CD deletes what the application manages (for a parent: its child Applications, which must
    // finish their own cascade first), then drops the finalizer so the API server can remove the object.
    private async Task FinalizeAsync(string name, bool isChild)
    {
        await Task.Delay(Scenario.CascadeDelay, stop.Token);
        if (!isChild)
        {
            foreach (var child in ChildrenOf(name))
            {
                server.Store.Delete(ResourceType.Application, Scenario.Namespace, child);
            }

            while (ChildrenOf(name).Count > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(10), stop.Token);
            }
        }

        Update(name, "finalizer-removed", application =>
            KubeMetadata.SetFinalizers(application, KubeMetadata.Finalizers(application).Where(finalizer => finalizer != ResourcesFinalizer)));
    }

    private Task MarkStuckAsync(string name)
    {
        Update(name, "deletion-stuck", application => Status(application)["conditions"] = new JsonArray(new JsonObject
        {
            ["type"] = "DeletionError",
            ["message"] = "error deleting resources: Namespace \"trustee\" is terminating: waiting for finalizer kubernetes",
        }));
        return Task.CompletedTask;
    }

    // Automated sync with selfHeal puts back a child that disappears while its parent still renders it (#3195).
    private async Task SelfHealAsync(JsonObject deleted)
    {
        var name = KubeMetadata.Name(deleted);
        if (KubeMetadata.Label(deleted, InstanceLabel) is not { } parentName)
        {
            return;
        }

        await Task.Delay(Scenario.CascadeDelay, stop.Token);
        var parent = server.Store.Get(ResourceType.Application, Scenario.Namespace, parentName);
        if (parent is null || KubeMetadata.IsDeleting(parent) || parent["spec"]?["syncPolicy"]?["automated"]?["selfHeal"]?.GetValue<bool>() != true)
        {
            return;
        }

        CreateChild(parentName, name);
        Update(name, "self-healed", application => SettleChild(application, ArgoOutcome.Healthy));
    }

    private List<string> ChildrenOf(string parent) =>
        [.. server.Store.List(ResourceType.Application, Scenario.Namespace, $"{InstanceLabel}={parent}").Items.Select(KubeMetadata.Name)];
}
