{{/*
Names, labels and shared fragments. The controller keeps the chart name as its
app.kubernetes.io/name (the seed's anti-affinity and topology spread select
controller pods with it); the query plane is "<name>-query".
*/}}

{{- define "cronjob-guardian.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "cronjob-guardian.fullname" -}}
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

{{- define "cronjob-guardian.queryName" -}}
{{- printf "%s-query" (include "cronjob-guardian.name" .) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "cronjob-guardian.queryFullname" -}}
{{- printf "%s-query" (include "cronjob-guardian.fullname" . | trunc 57 | trimSuffix "-") }}
{{- end }}

{{- define "cronjob-guardian.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels every object carries besides its selector labels. */}}
{{- define "cronjob-guardian.commonLabels" -}}
helm.sh/chart: {{ include "cronjob-guardian.chart" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: cronjob-guardian
{{- end }}

{{- define "cronjob-guardian.selectorLabels" -}}
app.kubernetes.io/name: {{ include "cronjob-guardian.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: controller
{{- end }}

{{- define "cronjob-guardian.labels" -}}
{{ include "cronjob-guardian.selectorLabels" . }}
{{ include "cronjob-guardian.commonLabels" . }}
{{- end }}

{{- define "cronjob-guardian.querySelectorLabels" -}}
app.kubernetes.io/name: {{ include "cronjob-guardian.queryName" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: query
{{- end }}

{{- define "cronjob-guardian.queryLabels" -}}
{{ include "cronjob-guardian.querySelectorLabels" . }}
{{ include "cronjob-guardian.commonLabels" . }}
{{- end }}

{{- define "cronjob-guardian.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "cronjob-guardian.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "cronjob-guardian.image" -}}
{{- $repository := .Values.image.repository }}
{{- if .Values.image.registry }}
{{- $repository = printf "%s/%s" .Values.image.registry .Values.image.repository }}
{{- end }}
{{- printf "%s:%s" $repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{/* "true" when the query process runs in the controller pod (SQLite: one file, one pod). */}}
{{- define "cronjob-guardian.queryInPod" -}}
{{- if and .Values.query.enabled (eq .Values.config.storage.type "sqlite") }}true{{ end }}
{{- end }}

{{- define "cronjob-guardian.configPath" -}}
/etc/cronjob-guardian/config.yaml
{{- end }}

{{/*
Refuses combinations the product cannot run. Called from the controller
Deployment so every render checks them.
*/}}
{{- define "cronjob-guardian.validate" -}}
{{- $storage := .Values.config.storage.type }}
{{- $replicas := int .Values.replicaCount }}
{{- if and (eq $storage "sqlite") (gt $replicas 1) }}
{{- if .Values.leaderElection.enabled }}
{{- fail (printf "SQLite doesn't support HA: replicaCount=%d with leaderElection.enabled=true needs a shared database; set config.storage.type=postgres (see docs/high-availability) or replicaCount=1" $replicas) }}
{{- else }}
{{- fail (printf "SQLite doesn't support HA: replicaCount=%d needs config.storage.type=postgres and leaderElection.enabled=true, or replicaCount=1" $replicas) }}
{{- end }}
{{- end }}
{{- if and (gt $replicas 1) (not .Values.leaderElection.enabled) }}
{{- fail (printf "replicaCount=%d needs leaderElection.enabled=true: without it every replica acts as the leader" $replicas) }}
{{- end }}
{{- if and (eq $storage "postgres") (not .Values.config.storage.postgres.host) }}
{{- fail "config.storage.postgres.host is required when config.storage.type is postgres" }}
{{- end }}
{{- if and (eq $storage "mysql") (not .Values.config.storage.mysql.host) }}
{{- fail "config.storage.mysql.host is required when config.storage.type is mysql" }}
{{- end }}
{{- if and .Values.leaderElection.enabled (eq .Values.leaderElection.backend "postgres") (eq $storage "sqlite") }}
{{- fail "leaderElection.backend=postgres needs config.storage.type=postgres or mysql (the lease row lives in that database)" }}
{{- end }}
{{- $tls := .Values.tls }}
{{- if and $tls.enabled (not $tls.existingSecret) (not $tls.certManager.enabled) }}
{{- fail "tls.enabled needs tls.existingSecret or tls.certManager.enabled" }}
{{- end }}
{{- if and $tls.enabled $tls.certManager.enabled (not $tls.certManager.issuerRef.name) }}
{{- fail "tls.certManager.enabled needs tls.certManager.issuerRef.name" }}
{{- end }}
{{- end }}

{{/* minAvailable or maxUnavailable of a PDB; maxUnavailable wins when set. */}}
{{- define "cronjob-guardian.pdbBudget" -}}
{{- if not (kindIs "invalid" .maxUnavailable) }}
maxUnavailable: {{ .maxUnavailable }}
{{- else }}
minAvailable: {{ .minAvailable }}
{{- end }}
{{- end }}

{{/* The database password from the configured Secret, for both planes. */}}
{{- define "cronjob-guardian.passwordEnv" -}}
{{- $storage := .Values.config.storage }}
{{- if and (eq $storage.type "postgres") $storage.postgres.existingSecret }}
- name: GUARDIAN_STORAGE_POSTGRES_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $storage.postgres.existingSecret }}
      key: {{ $storage.postgres.existingSecretKey }}
{{- else if and (eq $storage.type "mysql") $storage.mysql.existingSecret }}
- name: GUARDIAN_STORAGE_MYSQL_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $storage.mysql.existingSecret }}
      key: {{ $storage.mysql.existingSecretKey }}
{{- end }}
{{- end }}

{{/*
Volumes of a pod that runs the binary: config, /tmp, the SQLite data and
extraVolumes (both planes connect to the database, so both get them).
*/}}
{{- define "cronjob-guardian.volumes" -}}
- name: config
  configMap:
    name: {{ include "cronjob-guardian.fullname" . }}
- name: tmp
  emptyDir: {}
{{- if eq .Values.config.storage.type "sqlite" }}
- name: data
  {{- if .Values.persistence.enabled }}
  persistentVolumeClaim:
    claimName: {{ include "cronjob-guardian.fullname" . }}-data
  {{- else }}
  emptyDir: {}
  {{- end }}
{{- end }}
{{- with .Values.extraVolumes }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{- define "cronjob-guardian.volumeMounts" -}}
- name: config
  mountPath: /etc/cronjob-guardian
  readOnly: true
- name: tmp
  mountPath: /tmp
{{- if eq .Values.config.storage.type "sqlite" }}
- name: data
  mountPath: {{ dir .Values.config.storage.sqlite.path }}
{{- end }}
{{- with .Values.extraVolumeMounts }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/*
The query container. Takes a dict: root (the chart context), inPod (runs beside
the controller, on the sidecar ports).
*/}}
{{- define "cronjob-guardian.queryContainer" -}}
{{- $root := .root }}
{{- $values := $root.Values }}
{{- $ports := dict "grpc" 9090 "http" 8080 "probes" 8081 }}
{{- $prefix := "" }}
{{- if .inPod }}
{{- $ports = $values.query.sidecarPorts }}
{{- $prefix = "query-" }}
{{- end }}
- name: query
  image: {{ include "cronjob-guardian.image" $root }}
  imagePullPolicy: {{ $values.image.pullPolicy }}
  args:
    - query
    - --config={{ include "cronjob-guardian.configPath" $root }}
  env:
    - name: GUARDIAN_GRPC_BIND_ADDRESS
      value: {{ printf "0.0.0.0:%v" $ports.grpc | quote }}
    - name: GUARDIAN_API_BIND_ADDRESS
      value: {{ printf "0.0.0.0:%v" $ports.http | quote }}
    - name: GUARDIAN_PROBES_BIND_ADDRESS
      value: {{ printf "0.0.0.0:%v" $ports.probes | quote }}
    {{- with include "cronjob-guardian.passwordEnv" $root }}
    {{- . | trim | nindent 4 }}
    {{- end }}
    {{- if $values.tls.enabled }}
    {{- include "cronjob-guardian.queryTlsEnv" $root | nindent 4 }}
    {{- end }}
    {{- with $values.extraEnv }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
    {{- with $values.query.extraEnv }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  ports:
    - name: {{ $prefix }}grpc
      containerPort: {{ $ports.grpc }}
      protocol: TCP
    - name: {{ $prefix }}http
      containerPort: {{ $ports.http }}
      protocol: TCP
    - name: {{ $prefix }}probes
      containerPort: {{ $ports.probes }}
      protocol: TCP
  {{- range $kind := list "livenessProbe" "readinessProbe" }}
  {{- $probe := deepCopy (get $values.query $kind) }}
  {{- if $probe.grpc }}{{ $_ := set $probe.grpc "port" $ports.grpc }}{{ end }}
  {{- if $probe.httpGet }}{{ $_ := set $probe.httpGet "port" $ports.probes }}{{ end }}
  {{ $kind }}:
    {{- toYaml $probe | nindent 4 }}
  {{- end }}
  {{- with $values.securityContext }}
  securityContext:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  resources:
    {{- toYaml $values.query.resources | nindent 4 }}
  volumeMounts:
    {{- include "cronjob-guardian.volumeMounts" $root | nindent 4 }}
    {{- if $values.tls.enabled }}
    - name: query-tls
      mountPath: {{ include "cronjob-guardian.tlsDir" $root }}
      readOnly: true
    {{- end }}
{{- end }}

{{/* "true" when NetworkPolicies are rendered: networkPolicy.enabled, or when unset (null) with two planes. */}}
{{- define "cronjob-guardian.networkPolicyEnabled" -}}
{{- $enabled := .Values.networkPolicy.enabled }}
{{- if kindIs "invalid" $enabled }}
{{- if and .Values.query.enabled (not (include "cronjob-guardian.queryInPod" .)) }}true{{ end }}
{{- else if $enabled }}true{{ end }}
{{- end }}

{{/* An ingress rule: dict with ports (named container ports) and from (peers; empty: anywhere). */}}
{{- define "cronjob-guardian.policyIngress" -}}
- ports:
    {{- range .ports }}
    - port: {{ . }}
      protocol: TCP
    {{- end }}
  {{- with .from }}
  from:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end }}

{{/* An egress rule: dict with ports (numbers) and to (peers; empty: anywhere). */}}
{{- define "cronjob-guardian.policyEgress" -}}
- ports:
    {{- range .ports }}
    - port: {{ . }}
      protocol: TCP
    {{- end }}
  {{- with .to }}
  to:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end }}

{{/* Egress both planes need: DNS and the database. */}}
{{- define "cronjob-guardian.policyEgressCommon" -}}
{{- $policy := .Values.networkPolicy }}
{{- $storage := .Values.config.storage -}}
- ports:
    - port: 53
      protocol: UDP
    - port: 53
      protocol: TCP
  {{- with $policy.dns.to }}
  to:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- if ne $storage.type "sqlite" }}
{{- $port := (get $storage $storage.type).port }}
{{ include "cronjob-guardian.policyEgress" (dict "ports" (list $port) "to" $policy.database.to) }}
{{- end }}
{{- end }}

{{/* Where both planes find their TLS Secret's files (tls.crt, tls.key, ca.crt). */}}
{{- define "cronjob-guardian.tlsDir" -}}
/etc/cronjob-guardian-tls
{{- end }}

{{/* The controllers' TLS Secret: cert-manager's, or tls.existingSecret. */}}
{{- define "cronjob-guardian.tlsSecret" -}}
{{- if .Values.tls.certManager.enabled }}
{{- include "cronjob-guardian.fullname" . }}-controller-tls
{{- else }}
{{- .Values.tls.existingSecret }}
{{- end }}
{{- end }}

{{/* The query replicas' TLS Secret (their client certificate and the CA they trust). */}}
{{- define "cronjob-guardian.queryTlsSecret" -}}
{{- if .Values.tls.certManager.enabled }}
{{- include "cronjob-guardian.fullname" . }}-query-tls
{{- else }}
{{- default .Values.tls.existingSecret .Values.tls.queryExistingSecret }}
{{- end }}
{{- end }}

{{/* The name query replicas expect in the controllers' certificate: their Service's. */}}
{{- define "cronjob-guardian.tlsServerName" -}}
{{- printf "%s.%s.svc" (include "cronjob-guardian.fullname" .) .Release.Namespace }}
{{- end }}

{{/* TLS volumes: dict root, controller (bool), query (bool). */}}
{{- define "cronjob-guardian.tlsVolumes" -}}
{{- if .root.Values.tls.enabled }}
{{- if .controller }}
- name: tls
  secret:
    secretName: {{ include "cronjob-guardian.tlsSecret" .root }}
{{- end }}
{{- if .query }}
- name: query-tls
  secret:
    secretName: {{ include "cronjob-guardian.queryTlsSecret" .root }}
{{- end }}
{{- end }}
{{- end }}

{{/* The controller's TLS environment: its gRPC port serves the Secret's certificate. */}}
{{- define "cronjob-guardian.controllerTlsEnv" -}}
{{- $dir := include "cronjob-guardian.tlsDir" . -}}
- name: GUARDIAN_GRPC_TLS_CERT_FILE
  value: {{ $dir }}/tls.crt
- name: GUARDIAN_GRPC_TLS_KEY_FILE
  value: {{ $dir }}/tls.key
{{- if .Values.tls.mutual }}
- name: GUARDIAN_GRPC_TLS_CLIENT_CA_FILE
  value: {{ $dir }}/ca.crt
{{- end }}
{{- end }}

{{/* A query replica's TLS environment: trust ca.crt, expect the Service name, show tls.crt. */}}
{{- define "cronjob-guardian.queryTlsEnv" -}}
{{- $dir := include "cronjob-guardian.tlsDir" . -}}
- name: GUARDIAN_CONTROLLER_TLS_CA_FILE
  value: {{ $dir }}/ca.crt
- name: GUARDIAN_CONTROLLER_TLS_SERVER_NAME
  value: {{ include "cronjob-guardian.tlsServerName" . }}
{{- if .Values.tls.mutual }}
- name: GUARDIAN_CONTROLLER_TLS_CERT_FILE
  value: {{ $dir }}/tls.crt
- name: GUARDIAN_CONTROLLER_TLS_KEY_FILE
  value: {{ $dir }}/tls.key
{{- end }}
{{- end }}
