{{/* The environment this release renders, e.g. "qa-int-gcp". */}}
{{- define "app-of-apps.environment" -}}
{{ .Values.stage }}-{{ .Values.cloud }}
{{- end }}

{{/*
The namespace the PostSync e2e trigger Job runs in: one of its own per stage, never Argo CD's, where a Job could name
the application controller's service account and act with its rights. ProvisionManagementCluster creates it with the
token Secret (E2eTriggerToken.HookNamespace); the parents' AppProject allows Jobs only there.
*/}}
{{- define "app-of-apps.e2eHookNamespace" -}}
eurodat-{{ .Values.stage }}-e2e-hook
{{- end }}

{{/* Whether deployedRelease is a SemVer (a released platform) rather than a branch. */}}
{{- define "app-of-apps.isRelease" -}}
{{- if regexMatch "^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?$" .Values.deployedRelease -}}
true
{{- end -}}
{{- end }}

{{/*
Metadata every child Application carries. The finalizer makes deleting the Application delete what it deployed
(without it the resources are orphaned in the cluster); the sync wave orders it against the others.
Call with (dict "root" $ "name" $name "tier" "platform" "wave" $component.wave).
*/}}
{{- define "app-of-apps.applicationMetadata" -}}
name: {{ .name }}-{{ include "app-of-apps.environment" .root }}
namespace: {{ .root.Values.argocdNamespace }}
labels:
  app.kubernetes.io/part-of: eurodat
  app.kubernetes.io/managed-by: app-of-apps
  gitops.eurodat.io/tier: {{ .tier }}
  gitops.eurodat.io/environment: {{ include "app-of-apps.environment" .root }}
annotations:
  argocd.argoproj.io/sync-wave: {{ .wave | quote }}
finalizers:
  - resources-finalizer.argocd.argoproj.io
{{- end }}

{{/* Where and how a child Application syncs: the environment's registered cluster, pruned and self-healed. */}}
{{- define "app-of-apps.destinationAndSync" -}}
destination:
  name: {{ .root.Values.destination.clusterName }}
  namespace: {{ .namespace }}
syncPolicy:
  automated:
    prune: true
    selfHeal: true
  syncOptions:
    - CreateNamespace=true
    - ServerSideApply=true
  retry:
    limit: 5
    backoff:
      duration: 10s
      factor: 2
      maxDuration: 3m
{{- end }}

{{/*
How a child Application renders its chart (after repoURL/chart/path/targetRevision). Values holding Vault AVP
placeholders (<path:...#key>) go through the argocd-vault-plugin-helm config management plugin (the sidecar configured
in environments/argocd/argocd-values.yaml), which renders the chart with helm and then substitutes the placeholders
from Vault; Argo CD's built-in helm would deploy them as literal text. Values without placeholders use built-in helm.
Verify (GO021) checks that no placeholder reaches an Application that is not rendered through the plugin.
Call with (dict "name" $name "values" $values).
*/}}
{{- define "app-of-apps.chartRendering" -}}
{{- $yaml := toYaml .values }}
{{- if contains (print "<" "path:") $yaml -}}
plugin:
  name: argocd-vault-plugin-helm
  env:
    - name: RELEASE_NAME
      value: {{ .name }}
    - name: HELM_VALUES
      value: |
        {{- $yaml | nindent 8 }}
{{- else -}}
helm:
  releaseName: {{ .name }}
  valuesObject:
    {{- $yaml | nindent 4 }}
{{- end }}
{{- end }}
