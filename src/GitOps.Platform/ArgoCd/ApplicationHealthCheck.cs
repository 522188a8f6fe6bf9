namespace GitOps.Platform.ArgoCd;

/// <summary>
/// Since Argo CD 1.8 a parent does not assess its child Applications' health; this argocd-cm customization makes a
/// child's own health count, so the app-of-apps turns Degraded when a child does.
/// </summary>
public static class ApplicationHealthCheck
{
    public const string ConfigMapKey = "resource.customizations.health.argoproj.io_Application";

    public const string DefaultLua = """
        hs = {}
        hs.status = "Progressing"
        hs.message = ""
        if obj.status ~= nil and obj.status.health ~= nil then
          hs.status = obj.status.health.status
          if obj.status.health.message ~= nil then
            hs.message = obj.status.health.message
          end
        end
        return hs
        """;
}
