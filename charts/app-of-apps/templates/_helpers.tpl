{{/* The environment this release renders, e.g. "qa-int-gcp". */}}
{{- define "app-of-apps.environment" -}}
{{ .Values.stage }}-{{ .Values.cloud }}
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
