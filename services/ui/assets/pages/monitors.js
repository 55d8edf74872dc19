// Monitors: the list, and one monitor's spec (selector, dead-man's switch,
// SLA, alerting), status conditions (ChannelNotFound, ...) and its CronJobs.

import { api, path } from "../api.js";
import { badge, failure, h, linkRow, put } from "../dom.js";
import { coalesce, dateTime, percent, relative } from "../format.js";
import { describe } from "../schedule.js";
import { cronjobHref } from "./overview.js";

function summaryText(summary = {}) {
  return ["healthy", "warning", "critical", "suspended"]
    .filter((key) => summary[key]).map((key) => `${summary[key]} ${key}`).join(", ") || "—";
}

async function list(root) {
  const reply = await api("monitors");
  const items = reply.items || [];
  put(root, h("h1", {}, "Monitors"), h("section", { class: "panel" },
    items.length ? h("div", { class: "table-wrap" }, h("table", { id: "monitors" },
      h("thead", {}, h("tr", {}, h("th", {}, "Monitor"), h("th", {}, "Phase"), h("th", { class: "num" }, "CronJobs"),
        h("th", {}, "Health"), h("th", { class: "num" }, "Alerts"), h("th", {}, "Last reconcile"))),
      h("tbody", {}, items.map((item) => {
        const href = `#/monitors/${path(item.namespace, item.name)}`;
        return linkRow(href, [
          h("td", {}, h("a", { href }, item.name), h("div", { class: "muted" }, item.namespace)),
          h("td", {}, badge(item.phase || "unknown")),
          h("td", { class: "num" }, item.cronJobCount),
          h("td", {}, summaryText(item.summary)),
          h("td", { class: "num" }, item.activeAlerts || ""),
          h("td", { title: dateTime(item.lastReconcile) }, relative(item.lastReconcile)),
        ]);
      }))))
      : h("p", { class: "muted" }, "No CronJobMonitor yet. Apply one with kubectl to start monitoring.")));
}

function section(title, value) {
  if (value === undefined || value === null) return null;
  return [h("h2", {}, title), h("pre", {}, JSON.stringify(value, null, 2))];
}

async function detail(root, namespace, name) {
  const [monitor, cronjobs] = await Promise.all([api(`monitors/${path(namespace, name)}`), api("cronjobs", { params: { namespace } })]);
  const spec = monitor.spec || {};
  const status = monitor.status || {};
  const covered = (cronjobs.items || []).filter((item) => item.monitorRef?.name === name && item.monitorRef?.namespace === namespace);
  const conditions = status.conditions || [];
  put(root, h("h1", {}, `${namespace}/${name}`, badge(status.phase || "unknown")),
    h("div", { class: "grid cols-2" },
      h("section", { class: "panel" },
        h("h2", {}, `CronJobs covered (${covered.length})`),
        h("div", { class: "table-wrap" }, h("table", { id: "covered" },
          h("thead", {}, h("tr", {}, h("th", {}, "CronJob"), h("th", {}, "Status"), h("th", {}, "Schedule"), h("th", { class: "num" }, "Success"))),
          h("tbody", {}, covered.map((item) => linkRow(cronjobHref(item), [
            h("td", {}, h("a", { href: cronjobHref(item) }, item.name)), h("td", {}, badge(item.status)),
            h("td", {}, describe(item.schedule)), h("td", { class: "num" }, percent(item.successRate))]))))),
        section("Selector", spec.selector),
        section("Dead-man's switch", spec.deadManSwitch),
        section("SLA", spec.sla),
        section("Alerting", spec.alerting),
        section("Maintenance windows", spec.maintenanceWindows)),
      h("section", { class: "panel" },
        h("h2", {}, "Conditions"),
        conditions.length ? h("table", { id: "conditions" },
          h("thead", {}, h("tr", {}, h("th", {}, "Type"), h("th", {}, "Status"), h("th", {}, "Reason"))),
          h("tbody", {}, conditions.map((c) => h("tr", {},
            h("td", {}, c.type), h("td", {}, badge(c.status === "True" ? "healthy" : "warning", c.status)),
            h("td", {}, c.reason || "", c.message ? h("div", { class: "muted" }, c.message) : null, c.lastTransitionTime ? h("div", { class: "muted" }, relative(c.lastTransitionTime)) : null)))))
          : h("p", { class: "muted" }, "No conditions reported."),
        h("dl", { class: "kv" },
          h("dt", {}, "Observed generation"), h("dd", {}, String(status.observedGeneration ?? "—")),
          h("dt", {}, "Last reconcile"), h("dd", {}, dateTime(status.lastReconcileTime))))));
}

export async function render({ root, params, detail: isDetail, page }) {
  const load = async () => {
    try {
      await (isDetail ? detail(root, params[0], params[1]) : list(root));
    } catch (error) {
      put(root, h("h1", {}, "Monitors"), failure(error));
    }
  };
  page.onEvent = coalesce(load, 2000);
  await load();
}
