using System.Text.Json;
using System.Text.Json.Nodes;
using GitOps.Platform.ArgoCd;
using GitOps.Platform.Lifecycle;
using GitOps.TestDoubles.Kubernetes;

namespace GitOps.Platform.Tests.ArgoCd;

/// <summary>
/// The Lua health check for argoproj.io/Application we ship in argocd-values.yaml, run for real (KeraLua, with only
/// the libraries Argo CD opens), against child Applications as Argo CD v3.2 writes them; and its C# twin
/// (ArgoApplication.Readiness) agreeing on every state.
/// </summary>
public sealed class ApplicationHealthRulesTests
{
    private const string Spec = """
        "spec":{"source":{"repoURL":"https://charts.example","chart":"cert-manager","targetRevision":"v1.16.2","path":"",
                "helm":{"releaseName":"cert-manager","valueFiles":[],"skipCrds":false}},
                "destination":{"name":"eurodat-dev-gcp","namespace":"cert-manager"}}
        """;

    // What the controller writes: Go's encoding of the spec, empty fields dropped.
    private const string Compared = """
        "comparedTo":{"source":{"repoURL":"https://charts.example","chart":"cert-manager","targetRevision":"v1.16.2","helm":{"releaseName":"cert-manager"}},
                      "destination":{"name":"eurodat-dev-gcp","namespace":"cert-manager"}}
        """;

    private const string OldCompared = """
        "comparedTo":{"source":{"repoURL":"https://charts.example","chart":"cert-manager","targetRevision":"v1.15.0","helm":{"releaseName":"cert-manager"}},
                      "destination":{"name":"eurodat-dev-gcp","namespace":"cert-manager"}}
        """;

    private const string Reconciled = "\"reconciledAt\":\"2026-01-01T00:10:00Z\"";

    // What Argo CD records of the source it synced (SyncOperationResult.source, which automated sync also goes by).
    private const string SyncResult = """
        "syncResult":{"revision":"v1.16.2","source":{"repoURL":"https://charts.example","chart":"cert-manager","targetRevision":"v1.16.2","helm":{"releaseName":"cert-manager"}}}
        """;

    // The same chart and revision, with inline helm values: a values change is a new desired state at the same revision.
    private static string ValuesSpec(string values) => $$$$"""
        "spec":{"source":{"repoURL":"https://charts.example","chart":"portal","targetRevision":"2.0.0","path":"",
                "helm":{"values":"{{{{values}}}}","valueFiles":[],"skipCrds":false}},"destination":{"name":"eurodat-dev-gcp","namespace":"portal"}}
        """;

    private static string ValuesCompared(string values) => $$$$"""
        "comparedTo":{"source":{"repoURL":"https://charts.example","chart":"portal","targetRevision":"2.0.0","helm":{"values":"{{{{values}}}}"}},
                      "destination":{"name":"eurodat-dev-gcp","namespace":"portal"}}
        """;

    private static string ValuesSyncResult(string values) => $$$$"""
        "syncResult":{"revision":"2.0.0","source":{"repoURL":"https://charts.example","chart":"portal","targetRevision":"2.0.0","helm":{"values":"{{{{values}}}}"}}}
        """;

    public static TheoryData<string, string, string, string> States => new()
    {
        {
            "synced and healthy at its spec", "Healthy", string.Empty,
            "{" + Spec + ""","status":{"sync":{"status":"Synced",""" + Compared + """},"health":{"status":"Healthy"},""" + Reconciled + """, "operationState":{"phase":"Succeeded","message":"successfully synced","startedAt":"2026-01-01T00:00:00Z","finishedAt":"2026-01-01T00:01:00Z"}}}"""
        },
        {
            "a failed attempt that will be retried", "Progressing", "An operation is in progress",
            "{" + Spec + ""","operation":{"sync":{"revision":"v1.16.2"},"retry":{"limit":5}}, "status":{"sync":{"status":"OutOfSync",""" + Compared + """},"health":{"status":"Missing"},""" + Reconciled + """, "operationState":{"phase":"Running","retryCount":2,"message":"one or more objects failed to apply. Retrying attempt #2 at 10:04AM.", "startedAt":"2026-01-01T00:00:00Z","finishedAt":"2026-01-01T00:01:00Z"}}}"""
        },
        {
            "retries that ran out", "Degraded", "Sync Failed: one or more objects failed to apply, reason: admission webhook denied (retried 5 times).",
            "{" + Spec + ""","status":{"sync":{"status":"OutOfSync",""" + Compared + """},"health":{"status":"Missing"},""" + Reconciled + """, "conditions":[{"type":"SyncError","message":"Failed last sync attempt to [v1.16.2]: one or more objects failed to apply"}], "operationState":{"phase":"Failed","retryCount":5,"message":"one or more objects failed to apply, reason: admission webhook denied (retried 5 times).", "startedAt":"2026-01-01T00:00:00Z","finishedAt":"2026-01-01T00:09:00Z",""" + SyncResult + "}}}"
        },
        {
            "retries that ran out for the helm values before the current ones", "Progressing", "Not synced yet",
            "{" + ValuesSpec("replicas: 2") + ""","status":{"sync":{"status":"OutOfSync",""" + ValuesCompared("replicas: 2") + """},"health":{"status":"Healthy"},""" + Reconciled + """, "operationState":{"phase":"Failed","retryCount":5,"message":"one or more objects failed to apply (retried 5 times).", "startedAt":"2026-01-01T00:00:00Z","finishedAt":"2026-01-01T00:09:00Z",""" + ValuesSyncResult("replicas: 1") + "}}}"
        },
        {
            "retries that ran out for the current helm values", "Degraded", "Sync Failed: one or more objects failed to apply (retried 5 times).",
            "{" + ValuesSpec("replicas: 2") + ""","status":{"sync":{"status":"OutOfSync",""" + ValuesCompared("replicas: 2") + """},"health":{"status":"Healthy"},""" + Reconciled + """, "operationState":{"phase":"Failed","retryCount":5,"message":"one or more objects failed to apply (retried 5 times).", "startedAt":"2026-01-01T00:00:00Z","finishedAt":"2026-01-01T00:09:00Z",""" + ValuesSyncResult("replicas: 2") + "}}}"
        },
        {
            "synced and healthy for the helm values before the current ones", "Progressing", "Status is about another revision than the spec asks for; waiting for the controller",
            "{" + ValuesSpec("replicas: 2") + ""","status":{"sync":{"status":"Synced",""" + ValuesCompared("replicas: 1") + """},"health":{"status":"Healthy"},""" + Reconciled + "}}"
        },
        {
            "synced and healthy for a value file, parameter or plugin env before the current ones", "Progressing", "Status is about another revision than the spec asks for; waiting for the controller",
            """
            {"spec":{"sources":[{"repoURL":"https://git.example/iac.git","path":"charts/portal","targetRevision":"main","helm":{"valueFiles":["$values/b.yaml"],"parameters":[{"name":"image.tag","value":"1.4.2"}]}},
                                {"repoURL":"https://git.example/iac.git","path":"charts/vault","targetRevision":"main","plugin":{"name":"argocd-vault-plugin-helm","env":[{"name":"HELM_VALUES","value":"x: 2"}]}},
                                {"repoURL":"https://git.example/iac.git","targetRevision":"main","ref":"values"}],"destination":{"name":"in-cluster","namespace":"argocd"}},
             "status":{"sync":{"status":"Synced","comparedTo":{"source":{"repoURL":""},"destination":{"name":"in-cluster","namespace":"argocd"},
                 "sources":[{"repoURL":"https://git.example/iac.git","path":"charts/portal","targetRevision":"main","helm":{"valueFiles":["$values/a.yaml"],"parameters":[{"name":"image.tag","value":"1.4.1"}]}},
                            {"repoURL":"https://git.example/iac.git","path":"charts/vault","targetRevision":"main","plugin":{"name":"argocd-vault-plugin-helm","env":[{"name":"HELM_VALUES","value":"x: 1"}]}},
                            {"repoURL":"https://git.example/iac.git","targetRevision":"main","ref":"values"}]}},
               "health":{"status":"Healthy"},"reconciledAt":"2026-01-01T00:10:00Z"}}
            """
        },
        {
            "sources that cannot be rendered", "Degraded", "ComparisonError: Failed to load target state: helm template failed: nil pointer evaluating .Values.x",
            "{" + Spec + ""","status":{"sync":{"status":"Unknown",""" + Compared + """},"health":{"status":"Healthy"},""" + Reconciled + """, "conditions":[{"type":"ComparisonError","message":"Failed to load target state: helm template failed: nil pointer evaluating .Values.x"}]}}"""
        },
        {
            "a comparison error about the revision before the current spec", "Progressing", "Status is about another revision than the spec asks for; waiting for the controller",
            "{" + Spec + ""","status":{"sync":{"status":"Unknown",""" + OldCompared + """},"health":{"status":"Healthy"},""" + Reconciled + """, "conditions":[{"type":"ComparisonError","message":"Failed to load target state: old"}]}}"""
        },
        {
            "a spec its project refuses", "Degraded", "InvalidSpecError: application destination server 'https://x' and namespace 'kube-system' do not match any of the allowed destinations in project 'eurodat-dev'",
            "{" + Spec + ""","status":{"sync":{"status":"Unknown",""" + OldCompared + """},"health":{"status":"Unknown"}, "conditions":[{"type":"InvalidSpecError","message":"application destination server 'https://x' and namespace 'kube-system' do not match any of the allowed destinations in project 'eurodat-dev'"}]}}"""
        },
        {
            "synced and healthy for its old revision", "Progressing", "Status is about another revision than the spec asks for; waiting for the controller",
            "{" + Spec + ""","status":{"sync":{"status":"Synced",""" + OldCompared + """},"health":{"status":"Healthy"},""" + Reconciled + "}}"
        },
        {
            "out of sync after a successful sync", "Progressing", "Not synced yet",
            "{" + Spec + ""","status":{"sync":{"status":"OutOfSync",""" + Compared + """},"health":{"status":"Healthy"},""" + Reconciled + """, "operationState":{"phase":"Succeeded","message":"ok","startedAt":"2026-01-01T00:00:00Z","finishedAt":"2026-01-01T00:01:00Z"}}}"""
        },
        {
            "degraded itself", "Degraded", "Readiness probe failed",
            "{" + Spec + ""","status":{"sync":{"status":"Synced",""" + Compared + """},"health":{"status":"Degraded","message":"Readiness probe failed"},""" + Reconciled + "}}"
        },
        {
            "multi-source, synced and healthy, comparedTo with the empty source Go writes", "Healthy", string.Empty,
            """
            {"spec":{"sources":[{"repoURL":"https://git.example/iac.git","path":"charts/app-of-apps","targetRevision":"main","helm":{"valueFiles":["$values/v.yaml"]}},
                                {"repoURL":"https://git.example/iac.git","targetRevision":"main","ref":"values"}],"destination":{"name":"in-cluster","namespace":"argocd"}},
             "status":{"sync":{"status":"Synced","comparedTo":{"source":{"repoURL":""},"destination":{"name":"in-cluster","namespace":"argocd"},
                 "sources":[{"repoURL":"https://git.example/iac.git","path":"charts/app-of-apps","targetRevision":"main","helm":{"valueFiles":["$values/v.yaml"]}},
                            {"repoURL":"https://git.example/iac.git","targetRevision":"main","ref":"values"}]}},
               "health":{"status":"Healthy"},"reconciledAt":"2026-01-01T00:10:00Z"}}
            """
        },
    };

    [Theory]
    [MemberData(nameof(States))]
    public void The_shipped_lua_judges_a_child_application_as_the_parents_sync_waves_need(string state, string status, string message, string application)
    {
        var (actualStatus, actualMessage) = ArgoLuaHealth.Evaluate(ShippedLua, JsonNode.Parse(application)!.AsObject());

        (actualStatus, actualMessage).ShouldBe((status, message), state);
    }

    [Theory]
    [MemberData(nameof(States))]
    public void The_csharp_twin_agrees_with_the_lua_on_every_state(string state, string status, string message, string application)
    {
        var parsed = ArgoApplication.Parse(JsonDocument.Parse(application).RootElement);

        var verdict = parsed.IsReady ? "Healthy" : parsed.HealthStatus == "Degraded" || parsed.Failure is not null ? "Degraded" : "Progressing";

        verdict.ShouldBe(status, state);
        if (parsed.Failure is { } failure)
        {
            message.ShouldEndWith(failure.Message, Case.Sensitive, state);
        }
    }

    [Fact]
    public void The_fallback_health_check_is_the_shipped_one()
    {
        ApplicationHealthCheck.DefaultLua.ReplaceLineEndings("\n").TrimEnd().ShouldBe(ShippedLua.ReplaceLineEndings("\n").TrimEnd());
    }

    private static string ShippedLua => ArgoCdChart.Load(RepositoryRoot.Path).ApplicationHealthLua;
}
