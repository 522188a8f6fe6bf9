namespace GitOps.Platform.ArgoCd;

/// <summary>
/// Since Argo CD 1.8 a parent does not assess its child Applications' health; this argocd-cm customization makes a
/// child's own health count, so the app-of-apps turns Degraded when a child does or when a child cannot succeed by
/// itself any more (retries ran out, ComparisonError, InvalidSpecError), and keeps a child Progressing while an
/// operation runs, it is not Synced, or it reports on other source(s) than its spec asks for (an old revision).
/// The fallback when argocd-values.yaml holds none; the same script as there.
/// </summary>
public static class ApplicationHealthCheck
{
    public const string ConfigMapKey = "resource.customizations.health.argoproj.io_Application";

    public const string DefaultLua = """
        -- Argo CD does not assess child Applications since 1.8; this restores it for the app-of-apps, whose sync waves wait
        -- until a child reads Healthy and fail only when one reads Degraded. So a child that cannot succeed by itself any more
        -- must read Degraded, never Progressing: a failed operation whose retries ran out (automated sync never retries that
        -- revision again), a spec Argo CD refuses (InvalidSpecError), or sources it cannot render (ComparisonError). It is
        -- not ready while an operation runs or is requested, while it is not Synced, or while its status is about other
        -- source(s) than its spec now asks for (an old revision). No string library here: Argo CD opens base and table only.
        -- ArgoApplication.Readiness (src/GitOps.Platform/ArgoCd) is this script's C# twin; keep both in step.
        local function same(a, b)
          return (a or "") == (b or "")
        end
        local function sameSource(a, b)
          return a ~= nil and b ~= nil and same(a.repoURL, b.repoURL) and same(a.path, b.path) and same(a.chart, b.chart)
            and same(a.targetRevision, b.targetRevision) and same(a.ref, b.ref)
        end
        -- comparedTo is written from Argo CD's Go types: spec.sources when it has any (and then also a "source" with an
        -- empty repoURL), else spec.source; empty fields are left out.
        local function comparedToSpec(app)
          local compared = app.status.sync ~= nil and app.status.sync.comparedTo or nil
          if compared == nil or app.spec == nil then
            return false
          end
          if app.spec.sources ~= nil and #app.spec.sources > 0 then
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
        local function condition(app, kind)
          for _, entry in ipairs(app.status.conditions or {}) do
            if entry.type == kind then
              return entry.message or kind
            end
          end
          return nil
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
        local operation = obj.status.operationState
        if obj.operation ~= nil or (operation ~= nil and operation.phase == "Running") then
          health.message = "An operation is in progress"
          return health
        end
        -- The controller stops comparing an Application whose spec it refuses, so comparedTo stays as it was.
        local refused = condition(obj, "InvalidSpecError")
        if refused ~= nil then
          health.status = "Degraded"
          health.message = "InvalidSpecError: " .. refused
          return health
        end
        if not comparedToSpec(obj) then
          health.message = "Status is about another revision than the spec asks for; waiting for the controller"
          return health
        end
        local unrendered = condition(obj, "ComparisonError")
        if unrendered ~= nil then
          health.status = "Degraded"
          health.message = "ComparisonError: " .. unrendered
          return health
        end
        local synced = obj.status.sync ~= nil and obj.status.sync.status == "Synced"
        if not synced and operation ~= nil and (operation.phase == "Failed" or operation.phase == "Error") then
          health.status = "Degraded"
          health.message = "Sync " .. operation.phase .. ": " .. (operation.message or "")
          return health
        end
        if not synced then
          health.message = "Not synced yet"
          return health
        end
        health.status = obj.status.health.status
        health.message = obj.status.health.message or ""
        return health
        """;
}
