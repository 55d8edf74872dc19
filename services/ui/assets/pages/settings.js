// Settings: health, version, leader, storage, prune (dry run first), the
// running configuration (secrets redacted by the server) and the pattern tester.

import { api, num, setToken, token } from "../api.js";
import { badge, confirmDialog, failure, h, put, toast } from "../dom.js";
import { dateTime } from "../format.js";

function panel(title, ...children) {
  return h("section", { class: "panel" }, h("h2", {}, title), children);
}

function pruneForm() {
  const days = h("input", { type: "number", name: "days", min: 1, value: 30, required: true });
  const dryRun = h("input", { type: "checkbox", name: "dryRun", checked: true });
  const result = h("div", { id: "prune-result" });
  return h("form", { class: "stack", id: "prune", onsubmit: async (event) => {
    event.preventDefault();
    const body = { olderThanDays: Number(days.value), dryRun: dryRun.checked };
    if (!body.dryRun && !(await confirmDialog(`Delete every run older than ${body.olderThanDays} days?`, { ok: "Prune", danger: true }))) return;
    try {
      const reply = await api("admin/prune", { method: "POST", body });
      put(result, h("p", {}, reply.dryRun ? `Dry run: ${num(reply.recordsPruned)} runs would be deleted` : `${num(reply.recordsPruned)} runs deleted`,
        ` (before ${dateTime(reply.cutoff)}).`, reply.message ? h("span", { class: "muted" }, ` ${reply.message}`) : null));
    } catch (error) {
      put(result, failure(error));
    }
  } }, h("label", {}, "Older than (days)", days), h("label", {}, dryRun, " Dry run (count only)"),
  h("p", {}, h("button", { type: "submit" }, "Prune")), result);
}

function patternForm() {
  const field = (label, name, attrs = {}) => h("label", {}, label, h("input", { name, ...attrs }));
  const result = h("div", { id: "pattern-result" });
  const form = h("form", { class: "stack", id: "pattern", onsubmit: async (event) => {
    event.preventDefault();
    const value = (name) => form.elements.namedItem(name)?.value ?? "";
    const optional = (name) => (value(name) === "" ? undefined : value(name));
    const optionalInt = (name) => (value(name) === "" ? undefined : Number(value(name)));
    const body = {
      pattern: {
        name: value("name") || "tested",
        match: { exitCode: optionalInt("exitCode"), reasonPattern: optional("reasonPattern"), logPattern: optional("logPattern") },
        suggestion: value("suggestion"),
      },
      testData: { exitCode: Number(value("dataExitCode") || 0), reason: value("dataReason"), logs: value("dataLogs"),
        namespace: "default", name: "example", jobName: "example-1" },
    };
    try {
      const reply = await api("patterns/test", { method: "POST", body });
      put(result, reply.error ? h("div", { class: "error" }, reply.error)
        : h("p", {}, badge(reply.matched ? "success" : "failed", reply.matched ? "matched" : "no match"), " ", reply.renderedSuggestion || ""));
    } catch (error) {
      put(result, failure(error));
    }
  } },
  h("h2", {}, "Pattern"), field("Exit code", "exitCode", { type: "number" }), field("Reason pattern (regex)", "reasonPattern"),
  field("Log pattern (regex)", "logPattern", { value: "connection refused" }),
  field("Suggestion", "suggestion", { value: "{{.Namespace}}/{{.Name}} cannot reach its database (exit {{.ExitCode}})", required: true }),
  h("h2", {}, "Test failure"), field("Exit code", "dataExitCode", { type: "number", value: 1 }), field("Reason", "dataReason", { value: "Error" }),
  h("label", {}, "Logs", h("textarea", { name: "dataLogs" }, "dial tcp 10.0.0.12:5432: connect: connection refused")),
  h("p", {}, h("button", { type: "submit" }, "Test pattern")), result);
  return form;
}

export async function render({ root }) {
  const [health, storage, config] = await Promise.all([
    api("health"), api("admin/storage-stats").catch((e) => e), api("config").catch((e) => e)]);
  put(root, h("h1", {}, "Settings"), h("div", { class: "grid cols-2" },
    h("div", { class: "grid" },
      panel("Health", h("dl", { class: "kv", id: "health" },
        h("dt", {}, "Status"), h("dd", {}, badge(health.status === "ok" ? "healthy" : "critical", health.status)),
        h("dt", {}, "Storage"), h("dd", {}, health.storage),
        h("dt", {}, "Leader"), h("dd", {}, health.leader ? "this replica's process leads" : "another process leads"),
        h("dt", {}, "Version"), h("dd", {}, health.version),
        h("dt", {}, "Uptime"), h("dd", {}, health.uptime))),
      panel("Storage", storage instanceof Error ? failure(storage) : h("dl", { class: "kv", id: "storage" },
        h("dt", {}, "Type"), h("dd", {}, storage.storageType),
        h("dt", {}, "Runs stored"), h("dd", {}, num(storage.executionCount).toLocaleString()),
        h("dt", {}, "Retention"), h("dd", {}, `${storage.retentionDays} days`),
        h("dt", {}, "Logs stored"), h("dd", {}, storage.logStorageEnabled ? "yes" : "no"),
        h("dt", {}, "Healthy"), h("dd", {}, storage.healthy ? "yes" : "no"))),
      panel("Prune old runs", pruneForm()),
      panel("Session", token()
        ? h("button", { type: "button", class: "ghost", onclick: () => { setToken(null); toast("Signed out"); location.reload(); } }, "Sign out")
        : h("p", { class: "muted" }, "No token in use (the API is open, or you have not signed in)."))),
    h("div", { class: "grid" },
      panel("Suggested-fix pattern tester", patternForm()),
      panel("Running configuration", config instanceof Error ? failure(config) : h("pre", { id: "config" }, JSON.stringify(config, null, 2))))));
}
