{{/* Chart name, truncated to the 63 characters of a DNS label. */}}
{{- define "acoustic-distill.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Full name: release-chart unless the release name already contains the chart name. */}}
{{- define "acoustic-distill.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "acoustic-distill.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels on every resource. */}}
{{- define "acoustic-distill.labels" -}}
helm.sh/chart: {{ include "acoustic-distill.chart" . }}
app.kubernetes.io/name: {{ include "acoustic-distill.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- if .Chart.AppVersion }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: acoustic-distill
{{- end }}

{{/* Selector labels of one component (silo or gateway): call with (dict "root" $ "component" "silo"). */}}
{{- define "acoustic-distill.selectorLabels" -}}
app.kubernetes.io/name: {{ include "acoustic-distill.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{- define "acoustic-distill.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "acoustic-distill.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* Orleans ServiceId and ClusterId (pod labels orleans/serviceId and orleans/clusterId). */}}
{{- define "acoustic-distill.serviceId" -}}
{{- default (include "acoustic-distill.fullname" .) .Values.orleans.serviceId }}
{{- end }}
{{- define "acoustic-distill.clusterId" -}}
{{- default (include "acoustic-distill.fullname" .) .Values.orleans.clusterId }}
{{- end }}

{{- define "acoustic-distill.redisSecretName" -}}
{{- default (printf "%s-redis" (include "acoustic-distill.fullname" .)) .Values.redis.existingSecret }}
{{- end }}

{{- define "acoustic-distill.orleansTlsSecretName" -}}
{{- default (printf "%s-orleans-tls" (include "acoustic-distill.fullname" .)) .Values.orleans.tls.existingSecret }}
{{- end }}

{{/* Mutual TLS on the Orleans ports (Orleans:Tls): the Secret mounted read-only, in the silo and Gateway pods alike. */}}
{{- define "acoustic-distill.orleansTlsVolumeMount" -}}
{{- if .Values.orleans.tls.enabled -}}
- name: orleans-tls
  mountPath: {{ .Values.orleans.tls.mountPath }}
  readOnly: true
{{- end }}
{{- end }}

{{- define "acoustic-distill.orleansTlsVolume" -}}
{{- if .Values.orleans.tls.enabled -}}
- name: orleans-tls
  secret:
    secretName: {{ include "acoustic-distill.orleansTlsSecretName" . }}
    defaultMode: 0440
{{- end }}
{{- end }}

{{- define "acoustic-distill.modelStoreClaim" -}}
{{- default (printf "%s-model-store" (include "acoustic-distill.fullname" .)) .Values.modelStore.persistence.existingClaim }}
{{- end }}

{{/* An image reference: call with (dict "root" $ "image" .Values.silo.image). */}}
{{- define "acoustic-distill.image" -}}
{{- printf "%s:%s" .image.repository (default .root.Chart.AppVersion .image.tag) }}
{{- end }}

{{/*
Environment variables from a map, in .NET's Section__Key form, recursing into maps and lists:
(dict "prefix" "Transcription" "values" .Values.transcription) gives Transcription__Families__en-16k, ...
Whole numbers are written without an exponent (Helm reads every YAML number as a float).
*/}}
{{- define "acoustic-distill.envFromMap" -}}
{{- $prefix := .prefix }}
{{- if kindIs "map" .values }}
{{- range $key := keys .values | sortAlpha }}
{{- include "acoustic-distill.envFromMap" (dict "prefix" (printf "%s__%s" $prefix $key) "values" (get $.values $key)) }}
{{- end }}
{{- else if kindIs "slice" .values }}
{{- range $index, $item := .values }}
{{- include "acoustic-distill.envFromMap" (dict "prefix" (printf "%s__%d" $prefix $index) "values" $item) }}
{{- end }}
{{- else if and (kindIs "float64" .values) (eq .values (floor .values)) }}
- name: {{ $prefix }}
  value: {{ .values | int64 | toString | quote }}
{{- else if kindIs "invalid" .values }}
{{- else }}
- name: {{ $prefix }}
  value: {{ .values | toString | quote }}
{{- end }}
{{- end }}

{{/* Settings both the silos and the Gateway read: cluster identity, Redis, transcription, admin keys. */}}
{{- define "acoustic-distill.commonEnv" -}}
- name: Silo__ServiceId
  value: {{ include "acoustic-distill.serviceId" . | quote }}
- name: Silo__ClusterId
  value: {{ include "acoustic-distill.clusterId" . | quote }}
{{- if has "redis" (list .Values.silo.clustering .Values.silo.storage .Values.gateway.cluster) }}
- name: Redis__ConnectionString
  valueFrom:
    secretKeyRef:
      name: {{ include "acoustic-distill.redisSecretName" . }}
      key: {{ .Values.redis.existingSecretKey }}
{{- end }}
{{- with .Values.orleans.tls }}
{{- if .enabled }}
- name: Orleans__Tls__CertificatePath
  value: {{ printf "%s/%s" .mountPath .certificateKey | quote }}
- name: Orleans__Tls__KeyPath
  value: {{ printf "%s/%s" .mountPath .privateKeyKey | quote }}
- name: Orleans__Tls__CaCertificatePath
  value: {{ printf "%s/%s" .mountPath .caKey | quote }}
{{- else }}
- name: Orleans__Tls__Required
  value: "false"
{{- end }}
{{- end }}
{{- with .Values.security.adminApiKeys }}
{{- if .existingSecret }}
{{- range $index, $key := .keys }}
- name: Security__AdminApiKeys__{{ $index }}
  valueFrom:
    secretKeyRef:
      name: {{ $.Values.security.adminApiKeys.existingSecret }}
      key: {{ $key }}
{{- end }}
{{- end }}
{{- end }}
{{- include "acoustic-distill.envFromMap" (dict "prefix" "Transcription" "values" .Values.transcription) }}
{{- end }}

{{/* .NET host shutdown timeout: the grace period less the preStop sleep and a 5 s margin. Call with the component values. */}}
{{- define "acoustic-distill.shutdownTimeout" -}}
{{- max 5 (sub (sub (int .terminationGracePeriodSeconds) (int .preStopSleepSeconds)) 5) }}
{{- end }}

{{/* Pod annotations: Prometheus discovery (metrics.podAnnotations) plus the component's own. */}}
{{- define "acoustic-distill.podAnnotations" -}}
{{- $annotations := dict }}
{{- if .root.Values.metrics.podAnnotations }}
{{- $_ := set $annotations "prometheus.io/scrape" "true" }}
{{- $_ := set $annotations "prometheus.io/path" "/metrics" }}
{{- $_ := set $annotations "prometheus.io/port" (toString .port) }}
{{- end }}
{{- with .extra }}
{{- $annotations = merge (deepCopy .) $annotations }}
{{- end }}
{{- if $annotations }}
{{- toYaml $annotations }}
{{- end }}
{{- end }}

{{/* The Gateway's Security settings besides the admin keys (which every component gets): stream keys from their
Secret, the per-client limit, allowed hosts and origins. */}}
{{- define "acoustic-distill.gatewaySecurityEnv" -}}
{{- with .Values.security.streamApiKeys }}
{{- if .existingSecret }}
{{- range $index, $key := .keys }}
- name: Security__StreamApiKeys__{{ $index }}
  valueFrom:
    secretKeyRef:
      name: {{ $.Values.security.streamApiKeys.existingSecret }}
      key: {{ $key }}
{{- end }}
{{- end }}
{{- end }}
- name: Security__MaxStreamsPerClient
  value: {{ .Values.security.maxStreamsPerClient | quote }}
{{- range $index, $host := .Values.security.allowedHosts }}
- name: Security__AllowedHosts__{{ $index }}
  value: {{ $host | quote }}
{{- end }}
{{- range $index, $origin := .Values.security.allowedOrigins }}
- name: Security__AllowedOrigins__{{ $index }}
  value: {{ $origin | quote }}
{{- end }}
{{- end }}

{{/*
The .NET garbage collector's settings for one component (its `gc` values; docs/operations.md "Memory and the garbage
collector"). The runtime reads these DOTNET_GC* variables as hexadecimal, so the decimal values are converted here.
*/}}
{{- define "acoustic-distill.gcEnv" -}}
- name: DOTNET_GCConserveMemory
  value: {{ printf "0x%x" (int .conserveMemory) | quote }}
- name: DOTNET_GCHeapHardLimitPercent
  value: {{ printf "0x%x" (int .heapHardLimitPercent) | quote }}
{{- end }}
