// Alerts: active (acknowledge, silence) and history (paged). Live: alert
// events reload the active list.

import { api, num, path } from "../api.js";
import { badge, confirmDialog, failure, h, pager, put, toast } from "../dom.js";
import { coalesce, dateTime, relative } from "../format.js";
import { cronjobHref } from "./overview.js";
import { setQuery } from "../app.js";

const HISTORY_PAGE = 50;
const SILENCES = [["3600s", "1 hour"], ["14400s", "4 hours"], ["86400s", "1 day"], ["604800s", "1 week"]];

function target(alert) {
  return alert.cronjob?.name
    ? h("a", { href: cronjobHref(alert.cronjob) }, `${alert.cronjob.namespace}/${alert.cronjob.name}`) : "—";
}

export async function render({ root, query, page }) {
  const state = {
    tab: query.get("tab") === "history" ? "history" : "active",
    severity: query.get("severity") || "",
    offset: Number(query.get("offset")) || 0,
  };
  const body = h("div", { class: "panel" });
  const tabs = h("div", { class: "tabs" });
  put(root, h("h1", {}, "Alerts"), tabs, body);

  function drawTabs() {
    put(tabs, ["active", "history"].map((tab) => h("a", {
      href: `#/alerts${tab === "history" ? "?tab=history" : ""}`, "aria-current": String(tab === state.tab),
    }, tab === "active" ? "Active" : "History")));
  }

  const severityFilter = () => h("select", { "aria-label": "Severity", onchange: (e) => {
    state.severity = e.target.value; state.offset = 0; setQuery({ severity: state.severity, offset: "" }); load();
  } }, ["", "critical", "warning", "info"].map((s) => h("option", { value: s, selected: s === state.severity }, s || "all severities")));

  async function acknowledge(alert) {
    const input = await confirmDialog(`Acknowledge "${alert.title}"? It is not notified again until it resolves.`, {
      ok: "Acknowledge", fields: [{ label: "By", name: "by", value: "dashboard" }, { label: "Note", name: "note" }],
    });
    if (!input) return;
    try {
      const reply = await api(`alerts/${path(alert.id)}/acknowledge`, { method: "POST", body: { acknowledgedBy: input.by, note: input.note } });
      toast(reply.message || "Acknowledged");
      await load();
    } catch (error) {
      toast(`Acknowledge: ${error.detail || error.title}`, true);
    }
  }

  async function silence(alert) {
    const input = await confirmDialog(`Hold back notifications of "${alert.title}"?`, {
      ok: "Silence", fields: [{ label: "For", name: "duration", options: SILENCES, value: "3600s" },
        { label: "Reason", name: "reason" }, { label: "By", name: "by", value: "dashboard" }],
    });
    if (!input) return;
    try {
      const reply = await api(`alerts/${path(alert.id)}/silence`, { method: "POST", body: { duration: input.duration, reason: input.reason, silencedBy: input.by } });
      toast(reply.message || `Silenced until ${dateTime(reply.silencedUntil)}`);
      await load();
    } catch (error) {
      toast(`Silence: ${error.detail || error.title}`, true);
    }
  }

  async function loadActive() {
    const reply = await api("alerts", { params: { severity: state.severity } });
    const items = reply.items || [];
    put(body, h("div", { class: "filters" }, severityFilter(),
      h("span", { class: "muted" }, `${num(reply.total)} active`)),
    items.length ? h("div", { id: "active-alerts" }, items.map((alert) => h("div", { class: `alert ${alert.severity}`, "data-alert": alert.id },
      h("div", {}, badge(alert.severity), " ", h("strong", {}, alert.title), " ", h("span", { class: "muted" }, alert.type)),
      h("div", {}, target(alert), h("span", { class: "muted", title: dateTime(alert.since) }, ` · since ${relative(alert.since)}`)),
      h("div", {}, alert.message),
      alert.context?.suggestedFix ? h("div", { class: "fix" }, h("strong", {}, "Suggested fix: "), alert.context.suggestedFix) : null,
      alert.acknowledgement?.at ? h("div", { class: "muted ack" }, `Acknowledged ${relative(alert.acknowledgement.at)}`,
        alert.acknowledgement.by ? ` by ${alert.acknowledgement.by}` : "", alert.acknowledgement.note ? `: ${alert.acknowledgement.note}` : "") : null,
      alert.silence?.until && Date.parse(alert.silence.until) > Date.now()
        ? h("div", { class: "muted silenced" }, `Silenced until ${dateTime(alert.silence.until)}`) : null,
      h("div", { class: "actions" },
        h("button", { type: "button", class: "ghost", onclick: () => acknowledge(alert), disabled: Boolean(alert.acknowledgement?.at) }, "Acknowledge"),
        h("button", { type: "button", class: "ghost", onclick: () => silence(alert) }, "Silence")))))
      : h("p", { class: "muted" }, "No active alerts."));
  }

  async function loadHistory() {
    const reply = await api("alerts/history", { params: { limit: HISTORY_PAGE, offset: state.offset, severity: state.severity } });
    const items = reply.items || [];
    const pagination = reply.pagination || {};
    put(body, h("div", { class: "filters" }, severityFilter()),
      h("div", { class: "table-wrap" }, h("table", { id: "alert-history" },
        h("thead", {}, h("tr", {}, h("th", {}, "Severity"), h("th", {}, "Alert"), h("th", {}, "CronJob"),
          h("th", {}, "Occurred"), h("th", {}, "Resolved"), h("th", {}, "Channels"))),
        h("tbody", {}, items.map((item) => h("tr", {},
          h("td", {}, badge(item.severity)),
          h("td", {}, h("strong", {}, item.title), h("div", { class: "muted" }, item.message),
            item.suggestedFix ? h("div", { class: "fix" }, "Suggested fix: ", item.suggestedFix) : null),
          h("td", {}, target(item)),
          h("td", { title: dateTime(item.occurredAt) }, relative(item.occurredAt)),
          h("td", { title: dateTime(item.resolvedAt) }, item.resolvedAt ? relative(item.resolvedAt) : "open"),
          h("td", {}, (item.channelsNotified || []).join(", ") || "—")))))),
      items.length ? null : h("p", { class: "muted" }, "No alerts in history."),
      pager({ offset: state.offset, limit: HISTORY_PAGE, total: num(pagination.total), hasMore: pagination.hasMore },
        (offset) => { state.offset = offset; setQuery({ offset: offset || "" }); load(); }));
  }

  async function load() {
    drawTabs();
    try {
      await (state.tab === "history" ? loadHistory() : loadActive());
    } catch (error) {
      put(body, failure(error));
    }
  }

  page.onEvent = coalesce(() => { if (state.tab === "active" || state.offset === 0) load(); }, 1000);
  await load();
}
