{{/* Names and labels. */}}
{{- define "caleol.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "caleol.fullname" -}}
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

{{- define "caleol.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
app.kubernetes.io/name: {{ include "caleol.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: caleol
{{- end }}

{{/* Selector labels of one component: (dict "root" $ "component" "api"). */}}
{{- define "caleol.selectorLabels" -}}
app.kubernetes.io/name: {{ include "caleol.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{- define "caleol.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{- define "caleol.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "caleol.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* The hooks run before the chart's ServiceAccount exists on a first install. */}}
{{- define "caleol.hookServiceAccountName" -}}
{{- if .Values.serviceAccount.create }}default{{ else }}{{ include "caleol.serviceAccountName" . }}{{ end }}
{{- end }}

{{- define "caleol.secretName" -}}
{{- default (include "caleol.fullname" .) .Values.secrets.existingSecret }}
{{- end }}

{{/* Where the mounted files are. */}}
{{- define "caleol.dataDir" -}}/var/lib/caleol{{- end }}
{{- define "caleol.auditKeyFile" -}}/etc/caleol/audit/audit-checkpoint-key.pem{{- end }}
{{- define "caleol.pkcs12Dir" -}}/etc/caleol/signing/pkcs12{{- end }}
{{- define "caleol.trustAnchorsDir" -}}/etc/caleol/signing/trust{{- end }}

{{/* What the chart cannot run without: fails the render with the value to set. */}}
{{- define "caleol.validate" -}}
{{- if not .Values.temporal.address }}
{{- fail "temporal.address is required: host:port of the external Temporal cluster's frontend" }}
{{- end }}
{{- if not (regexMatch "^[A-Za-z0-9.-]+:[0-9]+$" .Values.temporal.address) }}
{{- fail (printf "temporal.address must be host:port, got %q" .Values.temporal.address) }}
{{- end }}
{{- if and (not .Values.secrets.existingSecret) (not .Values.database.url) }}
{{- fail "database.url (or secrets.existingSecret holding DATABASE_URL) is required: the chart ships no PostgreSQL" }}
{{- end }}
{{- if not .Values.publicUrl }}
{{- fail "publicUrl is required: the address at which users reach the application" }}
{{- end }}
{{- if eq .Values.auth.mode "oidc" }}
{{- if or (not .Values.auth.oidc.issuer) (not .Values.auth.oidc.audience) }}
{{- fail "auth.oidc.issuer and auth.oidc.audience are required with auth.mode=oidc" }}
{{- end }}
{{- else if ne .Values.auth.mode "local" }}
{{- fail (printf "auth.mode must be local or oidc, got %q" .Values.auth.mode) }}
{{- end }}
{{- if and .Values.zoom.enabled (not .Values.secrets.existingSecret) }}
{{- if not (and .Values.zoom.accountId .Values.zoom.clientId .Values.zoom.clientSecret .Values.zoom.webhookSecretToken) }}
{{- fail "zoom.enabled needs zoom.accountId, zoom.clientId, zoom.clientSecret and zoom.webhookSecretToken" }}
{{- end }}
{{- end }}
{{- end }}

{{/* Variables from the Secret, by reference (the chart's or secrets.existingSecret). */}}
{{- define "caleol.secretEnv" -}}
{{- $secret := include "caleol.secretName" . }}
{{- range $name := list "DATABASE_URL" "TEMPORAL_CODEC_KEYS" }}
- name: {{ $name }}
  valueFrom:
    secretKeyRef: { name: {{ $secret }}, key: {{ $name }} }
{{- end }}
{{- if eq .Values.auth.mode "local" }}
- name: AUTH_LOCAL_SECRET
  valueFrom:
    secretKeyRef: { name: {{ $secret }}, key: AUTH_LOCAL_SECRET }
{{- end }}
{{- $optional := list "SMTP_URL" "SIGNING_PKCS12_PASSPHRASE" "TIMESTAMP_AUTHORITY_AUTHORIZATION" }}
{{- if eq .Values.auth.mode "oidc" }}{{ $optional = append $optional "AUTH_OIDC_CLIENT_SECRET" }}{{ end }}
{{- if .Values.zoom.enabled }}{{ $optional = concat $optional (list "ZOOM_ACCOUNT_ID" "ZOOM_CLIENT_ID" "ZOOM_CLIENT_SECRET" "ZOOM_WEBHOOK_SECRET_TOKEN") }}{{ end }}
{{- range $name := $optional }}
- name: {{ $name }}
  valueFrom:
    secretKeyRef: { name: {{ $secret }}, key: {{ $name }}, optional: true }
{{- end }}
{{- end }}

{{/* Volumes every application pod mounts: /tmp (tsx's cache: the root filesystem is read-only), the data folder, the keys. */}}
{{- define "caleol.volumes" -}}
- name: tmp
  emptyDir: { sizeLimit: 512Mi }
- name: data
{{- if .Values.persistence.enabled }}
  persistentVolumeClaim:
    claimName: {{ default (printf "%s-data" (include "caleol.fullname" .)) .Values.persistence.existingClaim }}
{{- else }}
  emptyDir: { sizeLimit: 256Mi }
{{- end }}
- name: audit-key
  secret:
    secretName: {{ include "caleol.secretName" . }}
    items:
      - { key: audit-checkpoint-key.pem, path: audit-checkpoint-key.pem }
    defaultMode: 0440
{{- if .Values.signing.pkcs12Secret }}
- name: signing-pkcs12
  secret: { secretName: {{ .Values.signing.pkcs12Secret }}, defaultMode: 0440 }
{{- end }}
{{- if .Values.signing.trustAnchorsSecret }}
- name: signing-trust
  secret: { secretName: {{ .Values.signing.trustAnchorsSecret }}, defaultMode: 0444 }
{{- end }}
{{- end }}

{{- define "caleol.volumeMounts" -}}
- { name: tmp, mountPath: /tmp }
- { name: data, mountPath: {{ include "caleol.dataDir" . }} }
- { name: audit-key, mountPath: {{ dir (include "caleol.auditKeyFile" .) }}, readOnly: true }
{{- if .Values.signing.pkcs12Secret }}
- { name: signing-pkcs12, mountPath: {{ include "caleol.pkcs12Dir" . }}, readOnly: true }
{{- end }}
{{- if .Values.signing.trustAnchorsSecret }}
- { name: signing-trust, mountPath: {{ include "caleol.trustAnchorsDir" . }}, readOnly: true }
{{- end }}
{{- end }}

{{/* Pod annotations: configuration checksums (a change rolls the pods) and Prometheus' scrape hints. */}}
{{- define "caleol.podAnnotations" -}}
{{- $root := .root }}
checksum/config: {{ include (print $root.Template.BasePath "/configmap.yaml") $root | sha256sum }}
{{- if not $root.Values.secrets.existingSecret }}
checksum/secret: {{ include (print $root.Template.BasePath "/secret.yaml") $root | sha256sum }}
{{- end }}
{{- if $root.Values.metrics.podAnnotations }}
prometheus.io/scrape: "true"
prometheus.io/port: {{ .metricsPort | quote }}
prometheus.io/path: /metrics
{{- end }}
{{- with .extra }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/* The worker's probe command: the SDK exporter answers and reports the worker's pollers. */}}
{{- define "caleol.workerPollingCheck" -}}
{{- printf "fetch('http://127.0.0.1:%v/metrics').then(async (r) => process.exit(r.ok && (await r.text()).includes('temporal_num_pollers') ? 0 : 1), () => process.exit(1))" .Values.worker.metricsPort }}
{{- end }}
