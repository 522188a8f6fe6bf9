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
        -- Go's omitempty: "", false, 0, [] and {} (and objects holding only such) say the same as an absent field.
        local function blank(value)
          return value == nil or value == "" or value == false or value == 0
        end
        -- The whole source: repoURL, path, chart, targetRevision, ref, and helm (values, valueFiles, parameters, ...),
        -- plugin (name, env, parameters), kustomize and directory. A change of any of them is a new desired state.
        local function same(a, b)
          if type(a) ~= "table" and type(b) ~= "table" then
            return a == b or (blank(a) and blank(b))
          end
          if (type(a) ~= "table" and not blank(a)) or (type(b) ~= "table" and not blank(b)) then
            return false
          end
          local left = type(a) == "table" and a or {}
          local right = type(b) == "table" and b or {}
          for key, value in pairs(left) do
            if not same(value, right[key]) then
              return false
            end
          end
          for key, value in pairs(right) do
            if left[key] == nil and not same(nil, value) then
              return false
            end
          end
          return true
        end
        -- comparedTo and syncResult are written from Argo CD's Go types: spec.sources when it has any (and then also a
        -- "source" with an empty repoURL), else spec.source; empty fields are left out.
        local function sameSources(spec, recorded)
          if spec.sources ~= nil and #spec.sources > 0 then
            if recorded.sources == nil or #recorded.sources ~= #spec.sources then
              return false
            end
            for i, source in ipairs(spec.sources) do
              if not same(source, recorded.sources[i]) then
                return false
              end
            end
            return true
          end
          return spec.source ~= nil and recorded.source ~= nil and same(spec.source, recorded.source)
        end
        local function comparedToSpec(app)
          local compared = app.status.sync ~= nil and app.status.sync.comparedTo or nil
          return compared ~= nil and app.spec ~= nil and sameSources(app.spec, compared)
        end
        -- A finished operation is about the source(s) its syncResult records (what automated sync goes by before it retries);
        -- one that recorded none (it failed before syncing anything) is taken as about the current spec.
        local function operationForSpec(app, operation)
          local result = operation.syncResult
          if result == nil or app.spec == nil or ((result.sources == nil or #result.sources == 0) and same(result.source, nil)) then
            return true
          end
          return sameSources(app.spec, result)
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
        if not synced and operation ~= nil and (operation.phase == "Failed" or operation.phase == "Error") and operationForSpec(obj, operation) then
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
