// Overview: counters, the CronJob table (filter by namespace, status and text;
// sorted; paged in the browser so 10 000 rows stay responsive) and the active
// alerts. Live: any event refreshes the lists, coalesced to one reload a second.

import { api } from "../api.js";
import { badge, failure, h, linkRow, put } from "../dom.js";
import { coalesce, dateTime, debounce, percent, relative } from "../format.js";
import { describe } from "../schedule.js";
import { setQuery } from "../app.js";

const PAGE_SIZE = 50;
const STATUS_ORDER = { critical: 0, warning: 1, healthy: 2, suspended: 3 };
const COUNTERS = [
  ["total", "Total"], ["healthy", "Healthy"], ["warning", "Warning"],
  ["critical", "Critical"], ["suspended", "Suspended"], ["running", "Running"],
];
const SORTS = {
  name: (a, b) => a.name.localeCompare(b.name) || a.namespace.localeCompare(b.namespace),
  status: (a, b) => (STATUS_ORDER[a.status] ?? 9) - (STATUS_ORDER[b.status] ?? 9) || SORTS.name(a, b),
  success: (a, b) => a.successRate - b.successRate || SORTS.name(a, b),
  lastSuccess: (a, b) => String(a.lastSuccess || "").localeCompare(String(b.lastSuccess || "")),
  nextRun: (a, b) => String(a.nextRun || "~").localeCompare(String(b.nextRun || "~")),
};

export function cronjobHref(item) {
  return `#/cronjobs/${encodeURIComponent(item.namespace)}/${encodeURIComponent(item.name)}`;
}

export function alertList(alerts, { empty = "No active alerts." } = {}) {
  if (!alerts.length) return h("p", { class: "muted" }, empty);
  return h("div", {}, alerts.map((alert) => h("div", { class: `alert ${alert.severity}` },
    h("div", {}, badge(alert.severity), " ", h("strong", {}, alert.title)),
    alert.cronjob?.name && h("div", {}, h("a", { href: cronjobHref(alert.cronjob) }, `${alert.cronjob.namespace}/${alert.cronjob.name}`),
      h("span", { class: "muted", title: dateTime(alert.since) }, ` · since ${relative(alert.since)}`)),
    h("div", { class: "muted" }, alert.message))));
}

export async function render({ root, query, page }) {
  const state = {
    namespace: query.get("namespace") || "",
    status: query.get("status") || "",
    search: query.get("q") || "",
    sort: SORTS[query.get("sort")] ? query.get("sort") : "status",
    offset: Number(query.get("offset")) || 0,
    items: [],
    summary: {},
    alerts: [],
  };
  const counters = h("div", { class: "counters" });
  const tableBox = h("div", { class: "table-wrap" });
  const alertsBox = h("div", {});
  const namespaceSelect = h("select", { "aria-label": "Namespace", onchange: (e) => update({ namespace: e.target.value }) });
  const statusSelect = h("select", { "aria-label": "Status", onchange: (e) => update({ status: e.target.value }) },
    ["", "healthy", "warning", "critical", "suspended"].map((s) =>
      h("option", { value: s, selected: s === state.status }, s || "all statuses")));
  const search = h("input", {
    type: "search", placeholder: "Search CronJobs  ( / )", value: state.search, "aria-label": "Search CronJobs",
    oninput: debounce((e) => update({ search: e.target.value }), 200),
  });
  put(root,
    h("h1", {}, "Overview"),
    counters,
    h("div", { class: "grid cols-2" },
      h("section", { class: "panel", "aria-label": "CronJobs" },
        h("div", { class: "filters" }, namespaceSelect, statusSelect, search),
        tableBox),
      h("section", { class: "panel", "aria-label": "Active alerts" },
        h("h2", {}, h("a", { href: "#/alerts" }, "Active alerts")), alertsBox)));

  function update(changes) {
    Object.assign(state, changes);
    if (!("offset" in changes)) state.offset = 0;
    setQuery({ namespace: state.namespace, status: state.status, q: state.search,
      sort: state.sort === "status" ? "" : state.sort, offset: state.offset || "" });
    draw();
  }

  function visible() {
    const needle = state.search.toLowerCase();
    return state.items
      .filter((item) => !state.namespace || item.namespace === state.namespace)
      .filter((item) => !state.status || item.status === state.status)
      .filter((item) => !needle || `${item.namespace}/${item.name}`.toLowerCase().includes(needle))
      .sort(SORTS[state.sort]);
  }

  function header(key, label, cls) {
    const sorted = state.sort === key;
    return h("th", { class: cls, "aria-sort": sorted ? "ascending" : null },
      h("button", { type: "button", onclick: () => update({ sort: key }) }, label, sorted ? " ▴" : ""));
  }

  function draw() {
    const summary = state.summary;
    put(counters, COUNTERS.map(([key, label]) => h("a", {
      class: `counter ${key}`, href: key === "total" || key === "running" ? "#/" : `#/?status=${key}`,
    }, h("b", {}, key === "total" ? state.items.length : summary[key] || 0), h("span", {}, label))));
    const namespaces = [...new Set(state.items.map((item) => item.namespace))].sort();
    put(namespaceSelect, h("option", { value: "" }, "all namespaces"),
      namespaces.map((ns) => h("option", { value: ns, selected: ns === state.namespace }, ns)));
    const rows = visible();
    const shown = rows.slice(state.offset, state.offset + PAGE_SIZE);
    put(tableBox,
      h("table", { id: "cronjobs" },
        h("thead", {}, h("tr", {},
          header("name", "CronJob"), header("status", "Status"), h("th", {}, "Schedule"),
          header("success", "Success (SLA window)", "num"), header("lastSuccess", "Last success"),
          header("nextRun", "Next run"), h("th", { class: "num" }, "Alerts"))),
        h("tbody", {}, shown.map((item) => linkRow(cronjobHref(item), [
          h("td", {}, h("a", { href: cronjobHref(item) }, item.name), h("div", { class: "muted" }, item.namespace)),
          h("td", {}, badge(item.status), item.activeJobs?.length ? [" ", badge("running")] : null),
          h("td", { title: `${item.schedule}${item.timezone ? ` (${item.timezone})` : ""}` }, describe(item.schedule),
            h("div", { class: "muted mono" }, item.schedule)),
          h("td", { class: "num" }, percent(item.successRate)),
          h("td", { title: dateTime(item.lastSuccess) }, relative(item.lastSuccess)),
          h("td", { title: dateTime(item.nextRun) }, item.suspended ? "suspended" : relative(item.nextRun)),
          h("td", { class: "num" }, item.activeAlerts || ""),
        ])))),
      rows.length ? null : h("p", { class: "muted" }, state.items.length ? "No CronJob matches the filters." : "No monitored CronJobs yet."),
      rows.length > PAGE_SIZE ? h("div", { class: "pager" },
        h("button", { type: "button", class: "ghost", disabled: state.offset <= 0,
          onclick: () => update({ offset: Math.max(0, state.offset - PAGE_SIZE) }) }, "← Previous"),
        h("span", { class: "muted" }, `${state.offset + 1}–${Math.min(state.offset + PAGE_SIZE, rows.length)} of ${rows.length}`),
        h("button", { type: "button", class: "ghost", disabled: state.offset + PAGE_SIZE >= rows.length,
          onclick: () => update({ offset: state.offset + PAGE_SIZE }) }, "Next →")) : null);
    put(alertsBox, alertList(state.alerts));
  }

  async function load() {
    try {
      const [list, alerts] = await Promise.all([api("cronjobs"), api("alerts")]);
      state.items = list.items || [];
      state.summary = list.summary || {};
      state.alerts = alerts.items || [];
      draw();
    } catch (error) {
      put(tableBox, failure(error));
    }
  }

  page.onEvent = coalesce(load, 1000);
  await load();
}
