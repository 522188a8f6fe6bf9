namespace GitOps.Platform.ArgoCd;

/// <summary>
/// Since Argo CD 1.8 a parent does not assess its child Applications' health; this argocd-cm customization makes a
/// child's own health count, so the app-of-apps turns Degraded when a child does, and keeps a child Progressing while
/// an operation runs, it is not Synced, or it reports on other source(s) than its spec asks for (an old revision).
/// The fallback when argocd-values.yaml holds none; the same script as there.
/// </summary>
public static class ApplicationHealthCheck
{
    public const string ConfigMapKey = "resource.customizations.health.argoproj.io_Application";

    public const string DefaultLua = """
        -- Not ready, whatever the child's own health says, while an operation runs or is requested, while it is not
        -- Synced, or while its sync status is about other source(s) than its spec now asks for (an old revision).
        local function sameSource(a, b)
          return a ~= nil and b ~= nil and a.repoURL == b.repoURL and a.path == b.path and a.chart == b.chart
            and a.targetRevision == b.targetRevision and a.ref == b.ref
        end
        local function comparedToSpec(app)
          local compared = app.status.sync.comparedTo
          if compared == nil or app.spec == nil then
            return false
          end
          if app.spec.sources ~= nil then
            if compared.sources == nil or #compared.sources ~= #app.spec.sources then
              return false
            end
            for i, source in ipairs(app.spec.sources) do
              if not sameSource(source, compared.sources[i]) then
                return false
              end
            end
            return true
          end
          return sameSource(app.spec.source, compared.source)
        end
        local health = { status = "Progressing", message = "Waiting for the Application to report its health" }
        if obj.status == nil or obj.status.health == nil or obj.status.health.status == nil then
          return health
        end
        if obj.status.health.status == "Degraded" then
          health.status = "Degraded"
          health.message = obj.status.health.message or ""
          return health
        end
        if obj.operation ~= nil or (obj.status.operationState ~= nil and obj.status.operationState.phase == "Running") then
          health.message = "An operation is in progress"
          return health
        end
        if obj.status.sync == nil or obj.status.sync.status ~= "Synced" then
          health.message = "Not synced yet"
          return health
        end
        if not comparedToSpec(obj) then
          health.message = "Synced to another revision than the spec asks for; waiting for the controller"
          return health
        end
        health.status = obj.status.health.status
        health.message = obj.status.health.message or ""
        return health
        """;
}
