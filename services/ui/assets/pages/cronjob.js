// One CronJob: status and actions, figures, alerts with their suggested fix,
// trends from the server's daily aggregates, and the paged run history with
// each run's logs and events. Live: events about this CronJob reload it.

import { api, num, path } from "../api.js";
import { badge, confirmDialog, failure, h, pager, put, toast } from "../dom.js";
import { cronjobOf } from "../events.js";
import { coalesce, dateTime, goSeconds, percent, relative, seconds } from "../format.js";
import { describe } from "../schedule.js";
import { heatmap, lineChart, runStrip } from "../charts.js";
import { setQuery } from "../app.js";

const HISTORY_PAGE = 20;
const TREND_RANGES = [14, 30, 90];

function metric(label, value) {
  return h("div", { class: "metric" }, h("b", {}, value), h("span", {}, label));
}

export async function render({ root, params: [namespace, name], query, page }) {
  const base = `cronjobs/${path(namespace, name)}`;
  const state = {
    status: query.get("status") || "",
    offset: Number(query.get("offset")) || 0,
    range: TREND_RANGES.includes(Number(query.get("days"))) ? Number(query.get("days")) : 30,
    open: query.get("run") || "",
  };
  const head = h("div", {});
  const facts = h("section", { class: "panel" });
  const alerts = h("section", { class: "panel", "aria-label": "Active alerts" });
  const trends = h("section", { class: "panel", "aria-label": "Trends" });
  const history = h("section", { class: "panel", "aria-label": "Executions" });
  const run = h("section", { class: "panel", id: "run", "aria-label": "Run details" });
  put(root, head, h("div", { class: "grid cols-2" },
    h("div", { class: "grid" }, facts, trends, history, run), h("div", { class: "grid" }, alerts)));

  async function act(label, call, { reload = true } = {}) {
    try {
      const reply = await call();
      toast(reply.message || reply.error || `${label}: done`, reply.success === false);
      if (reload) await loadDetail();
    } catch (error) {
      toast(`${label}: ${error.detail || error.title}`, true);
    }
  }

  function actions(detail) {
    return h("div", { class: "actions" },
      h("button", { type: "button", id: "trigger", onclick: () => act("Trigger", () => api(`${base}/trigger`, { method: "POST" })) }, "Trigger now"),
      detail.suspended
        ? h("button", { type: "button", id: "resume", class: "ghost", onclick: () => act("Resume", () => api(`${base}/resume`, { method: "POST" })) }, "Resume")
        : h("button", { type: "button", id: "suspend", class: "ghost", onclick: () => act("Suspend", () => api(`${base}/suspend`, { method: "POST" })) }, "Suspend"),
      h("button", { type: "button", id: "delete-history", class: "danger", onclick: async () => {
        const ok = await confirmDialog(`Delete every recorded run of ${namespace}/${name}? This cannot be undone.`, { ok: "Delete history", danger: true });
        if (ok) await act("Delete history", () => api(`${base}/history`, { method: "DELETE" }));
      } }, "Delete history"));
  }

  function drawDetail(detail) {
    const m = detail.metrics || {};
    put(head, h("h1", {}, `${detail.namespace}/${detail.name}`, badge(detail.status),
      detail.suspended ? badge("suspended") : null), actions(detail));
    const last = detail.lastExecution;
    put(facts,
      h("dl", { class: "kv" },
        h("dt", {}, "Schedule"), h("dd", {}, describe(detail.schedule), " ", h("code", {}, detail.schedule)),
        h("dt", {}, "Time zone"), h("dd", {}, detail.timezone || "cluster default"),
        h("dt", {}, "Monitor"), h("dd", {}, detail.monitorRef?.name
          ? h("a", { href: `#/monitors/${path(detail.monitorRef.namespace, detail.monitorRef.name)}` }, `${detail.monitorRef.namespace}/${detail.monitorRef.name}`) : "—"),
        h("dt", {}, "Next run"), h("dd", { title: dateTime(detail.nextRun) }, detail.suspended ? "suspended" : relative(detail.nextRun)),
        h("dt", {}, "Last run"), h("dd", {}, last?.jobName
          ? [badge(last.status), " ", last.jobName, " · ", relative(last.startTime), last.duration ? ` · ${last.duration}` : ""] : "—")),
      h("h2", {}, "Figures"),
      h("div", { class: "metrics" },
        metric("Success 7 d", percent(m.successRate7d)), metric("Success 30 d", percent(m.successRate30d)),
        metric("Runs 7 d", `${m.totalRuns7d || 0} (${m.failedRuns7d || 0} failed)`),
        metric("Average", seconds(m.avgDurationSeconds)), metric("P50", seconds(m.p50DurationSeconds)),
        metric("P95", seconds(m.p95DurationSeconds)), metric("P99", seconds(m.p99DurationSeconds))),
      detail.activeJobs?.length ? [h("h2", {}, "Running now"), h("table", {},
        h("thead", {}, h("tr", {}, h("th", {}, "Job"), h("th", {}, "Started"), h("th", {}, "Pod"), h("th", {}, "Ready"))),
        h("tbody", {}, detail.activeJobs.map((job) => h("tr", {},
          h("td", {}, job.name), h("td", {}, relative(job.startTime)),
          h("td", {}, [job.podName, job.podPhase].filter(Boolean).join(" · ")), h("td", {}, job.ready || "—")))))] : null);
    put(alerts, h("h2", {}, "Active alerts"), detail.activeAlerts?.length
      ? detail.activeAlerts.map((alert) => h("div", { class: `alert ${alert.severity}` },
        h("div", {}, badge(alert.severity), " ", h("strong", {}, alert.title)),
        h("div", { class: "muted" }, alert.message, " · since ", relative(alert.since)),
        alert.context?.suggestedFix ? h("div", { class: "fix" }, h("strong", {}, "Suggested fix: "), alert.context.suggestedFix) : null))
      : h("p", { class: "muted" }, "No active alerts."));
  }

  async function loadDetail() {
    try {
      drawDetail(await api(base));
    } catch (error) {
      put(head, h("h1", {}, `${namespace}/${name}`), failure(error));
    }
  }

  async function loadTrends() {
    put(trends, h("h2", {}, "Trends"), h("p", { class: "muted" }, "Loading…"));
    try {
      const reply = await api(`${base}/daily-stats`, { params: { days: 365 } });
      const days = (reply.days || []).map((d) => ({ ...d, total: num(d.total), failed: num(d.failed), succeeded: num(d.succeeded) }));
      const since = Date.now() - state.range * 86400000;
      const inRange = days.filter((d) => Date.parse(d.day) >= since);
      const time = (d) => Date.parse(`${d.day}T12:00:00Z`);
      const finished = inRange.filter((d) => d.succeeded + d.failed > 0);
      put(trends, h("h2", {}, "Trends"),
        h("div", { class: "tabs" }, TREND_RANGES.map((n) => h("a", {
          href: "#", "aria-current": String(n === state.range),
          onclick: (e) => { e.preventDefault(); state.range = n; setQuery({ days: n }); loadTrends(); },
        }, `${n} days`))),
        h("div", { class: "legend" }, h("span", {}, h("i", { class: "p50" }), "P50 duration"), h("span", {}, h("i", { class: "p95" }), "P95 duration")),
        lineChart([
          { cls: "p50", label: "P50", points: inRange.filter((d) => d.p50DurationSeconds).map((d) => [time(d), d.p50DurationSeconds]) },
          { cls: "p95", label: "P95", points: inRange.filter((d) => d.p95DurationSeconds).map((d) => [time(d), d.p95DurationSeconds]) },
        ], { label: "Daily duration", format: (v) => (v > 0 ? seconds(v) : "0s") }),
        h("div", { class: "legend" }, h("span", {}, h("i", { class: "rate" }), "Daily success rate")),
        lineChart([{ cls: "rate", label: "Success rate", points: finished.map((d) => [time(d), (100 * d.succeeded) / (d.succeeded + d.failed)]) }],
          { label: "Daily success rate", format: percent, height: 120 }),
        h("h2", {}, "Last year"), heatmap(days, { label: "Daily health over a year" }));
    } catch (error) {
      put(trends, h("h2", {}, "Trends"), failure(error));
    }
  }

  async function loadHistory() {
    try {
      const reply = await api(`${base}/executions`, { params: { limit: HISTORY_PAGE, offset: state.offset, status: state.status } });
      const items = reply.items || [];
      const pagination = reply.pagination || {};
      const filter = h("select", { "aria-label": "Run status", onchange: (e) => {
        state.status = e.target.value; state.offset = 0; setQuery({ status: state.status, offset: "" }); loadHistory();
      } }, ["", "success", "failed"].map((s) => h("option", { value: s, selected: s === state.status }, s || "all runs")));
      put(history,
        h("h2", {}, "Executions"),
        h("div", { class: "filters" }, filter),
        runStrip([...items].reverse().map((item) => ({
          status: item.status, seconds: goSeconds(item.duration),
          title: `${item.jobName}: ${item.status}, ${item.duration || "running"}`,
        })), { label: "Durations of the runs on this page", format: seconds }),
        h("div", { class: "table-wrap" }, h("table", { id: "executions" },
          h("thead", {}, h("tr", {}, h("th", {}, "Job"), h("th", {}, "Status"), h("th", {}, "Started"),
            h("th", { class: "num" }, "Duration"), h("th", { class: "num" }, "Exit"), h("th", {}, "Reason"))),
          h("tbody", {}, items.map((item) => h("tr", {
            tabindex: 0, "data-job": item.jobName,
            onclick: () => openRun(item.jobName),
            onkeydown: (e) => { if (e.key === "Enter") openRun(item.jobName); },
          },
          h("td", {}, item.jobName, item.manual ? h("span", { class: "muted" }, " (manual)") : null),
          h("td", {}, badge(item.status)),
          h("td", { title: dateTime(item.startTime) }, relative(item.startTime)),
          h("td", { class: "num" }, item.duration || "—"),
          h("td", { class: "num" }, item.status === "failed" ? item.exitCode : ""),
          h("td", {}, item.reason || "")))))),
        items.length ? null : h("p", { class: "muted" }, "No runs recorded."),
        pager({ offset: state.offset, limit: HISTORY_PAGE, total: num(pagination.total), hasMore: pagination.hasMore },
          (offset) => { state.offset = offset; setQuery({ offset: offset || "" }); loadHistory(); }));
    } catch (error) {
      put(history, h("h2", {}, "Executions"), failure(error));
    }
  }

  async function openRun(jobName) {
    state.open = jobName;
    setQuery({ run: jobName });
    put(run, h("h2", {}, `Run ${jobName}`), h("p", { class: "muted" }, "Loading…"));
    try {
      const detail = await api(`${base}/executions/${path(jobName)}`);
      const liveLogs = h("div", {});
      put(run, h("h2", {}, `Run ${jobName}`),
        h("dl", { class: "kv" },
          h("dt", {}, "Status"), h("dd", {}, badge(detail.status)),
          h("dt", {}, "Started"), h("dd", {}, dateTime(detail.startTime)),
          h("dt", {}, "Finished"), h("dd", {}, dateTime(detail.completionTime)),
          h("dt", {}, "Duration"), h("dd", {}, detail.duration || "—"),
          h("dt", {}, "Exit code"), h("dd", {}, String(detail.exitCode ?? "—")),
          h("dt", {}, "Reason"), h("dd", {}, detail.reason || "—"),
          h("dt", {}, "Retries"), h("dd", {}, String(detail.retries || 0))),
        h("h2", {}, "Stored logs"), h("pre", { class: "logs" }, detail.storedLogs || "(none stored)"),
        h("h2", {}, "Events"), h("pre", {}, detail.storedEvents || "(none stored)"),
        h("button", { type: "button", class: "ghost", onclick: async () => {
          try {
            const logs = await api(`${base}/executions/${path(jobName)}/logs`, { params: { tailLines: 500 } });
            put(liveLogs, h("h2", {}, `Pod logs (${logs.container || "first container"})`), h("pre", {}, logs.logs || "(empty)"),
              logs.truncated ? h("p", { class: "muted" }, "Truncated.") : null);
          } catch (error) {
            put(liveLogs, failure(error));
          }
        } }, "Fetch pod logs"), liveLogs);
    } catch (error) {
      put(run, h("h2", {}, `Run ${jobName}`), failure(error));
    }
  }

  const refresh = coalesce(() => Promise.all([loadDetail(), loadHistory()]), 500);
  page.onEvent = (event) => {
    const target = cronjobOf(event);
    if (target && target.namespace === namespace && target.name === name) refresh();
  };
  await Promise.all([loadDetail(), loadHistory(), loadTrends()]);
  if (state.open) await openRun(state.open);
  else put(run, h("h2", {}, "Run details"), h("p", { class: "muted" }, "Select a run to see its logs and events."));
}
