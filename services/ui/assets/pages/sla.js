// SLA report: every CronJob whose monitor sets an SLA, its target and current
// rate. Meeting; at risk when more than half the error budget is used (the
// rate is between the target and halfway to 100 %); breaching below target.

import { api, path } from "../api.js";
import { badge, failure, h, linkRow, put } from "../dom.js";
import { coalesce, percent } from "../format.js";
import { cronjobHref } from "./overview.js";

const DEFAULT_TARGET = 95;
const DEFAULT_WINDOW_DAYS = 7;

/** meeting, at risk or breaching. */
export function verdict(rate, target) {
  if (rate < target) return "breaching";
  return rate < target + (100 - target) / 2 ? "at risk" : "meeting";
}

export async function render({ root, page }) {
  const body = h("section", { class: "panel" });
  put(root, h("h1", {}, "SLA report"), body);

  async function load() {
    try {
      const [monitors, cronjobs] = await Promise.all([api("monitors"), api("cronjobs")]);
      const specs = new Map(await Promise.all((monitors.items || []).map(async (m) => {
        const object = await api(`monitors/${path(m.namespace, m.name)}`);
        return [`${m.namespace}/${m.name}`, object.spec?.sla];
      })));
      const rows = (cronjobs.items || [])
        .map((item) => ({ item, sla: specs.get(`${item.monitorRef?.namespace}/${item.monitorRef?.name}`) }))
        .filter(({ sla }) => sla && sla.enabled !== false)
        .map(({ item, sla }) => {
          const target = Number(sla.minSuccessRate ?? DEFAULT_TARGET);
          return { item, target, window: sla.windowDays ?? DEFAULT_WINDOW_DAYS, verdict: verdict(item.successRate, target) };
        })
        .sort((a, b) => (a.item.successRate - a.target) - (b.item.successRate - b.target));
      const counts = { meeting: 0, "at risk": 0, breaching: 0 };
      rows.forEach((row) => { counts[row.verdict] += 1; });
      put(body,
        h("div", { class: "filters" }, Object.entries(counts).map(([word, n]) => [badge(word, `${n} ${word}`), " "])),
        rows.length ? h("div", { class: "table-wrap" }, h("table", { id: "sla" },
          h("thead", {}, h("tr", {}, h("th", {}, "CronJob"), h("th", { class: "num" }, "Target"), h("th", { class: "num" }, "Window"),
            h("th", { class: "num" }, "Current"), h("th", {}, "Verdict"))),
          h("tbody", {}, rows.map(({ item, target, window, verdict: word }) => linkRow(cronjobHref(item), [
            h("td", {}, h("a", { href: cronjobHref(item) }, item.name), h("div", { class: "muted" }, item.namespace)),
            h("td", { class: "num" }, percent(target)), h("td", { class: "num" }, `${window} d`),
            h("td", { class: "num" }, percent(item.successRate)), h("td", {}, badge(word))])))))
          : h("p", { class: "muted" }, "No monitored CronJob has an SLA."),
        h("p", { class: "muted" }, "At risk: above the target, but more than half of the error budget is used."));
    } catch (error) {
      put(body, failure(error));
    }
  }
  page.onEvent = coalesce(load, 2000);
  await load();
}
