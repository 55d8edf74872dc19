// Channels: status, delivery counters, last error and a Test button. A channel can
// also be tested by name (one the list does not show, or when the API cannot list
// channels and says why in a problem document).

import { api, num, path, query } from "../api.js";
import { badge, failure, h, put, toast } from "../dom.js";
import { dateTime, relative } from "../format.js";

async function test(name, namespace) {
  try {
    const reply = await api(`channels/${path(name)}/test${query({ namespace })}`, { method: "POST" });
    toast(reply.success ? reply.message || `Test alert sent to ${name}` : `Test of ${name} failed: ${reply.error || reply.message}`, !reply.success);
    return reply;
  } catch (error) {
    toast(`Test of ${name}: ${error.detail || error.title}`, true);
    return null;
  }
}

function testByName(onDone) {
  const name = h("input", { name: "name", required: true, placeholder: "alert channel name" });
  const namespace = h("input", { name: "namespace", placeholder: "namespace (when two share the name)" });
  return h("form", { class: "stack", id: "test-channel", onsubmit: async (event) => {
    event.preventDefault();
    await test(name.value.trim(), namespace.value.trim());
    onDone();
  } }, h("h2", {}, "Test a channel by name"), h("label", {}, "Name", name), h("label", {}, "Namespace", namespace),
  h("p", {}, h("button", { type: "submit" }, "Send test alert")));
}

export async function render({ root }) {
  const body = h("section", { class: "panel" });
  put(root, h("h1", {}, "Alert channels"), body);
  async function load() {
    let reply;
    try {
      reply = await api("channels");
    } catch (error) {
      put(body, failure(error), testByName(load));
      return;
    }
    const items = reply.items || [];
    const summary = reply.summary || {};
    put(body,
      h("p", { class: "muted" }, `${summary.total ?? items.length} channels, ${summary.ready ?? 0} ready, ${summary.notReady ?? 0} not ready`),
      items.length ? h("div", { class: "table-wrap" }, h("table", { id: "channels" },
        h("thead", {}, h("tr", {}, h("th", {}, "Channel"), h("th", {}, "Type"), h("th", {}, "Ready"),
          h("th", { class: "num" }, "Sent"), h("th", { class: "num" }, "Failed"), h("th", {}, "Last error"), h("th", {}, "Last test"), h("th", {}, ""))),
        h("tbody", {}, items.map((channel) => {
          const stats = channel.stats || {};
          return h("tr", { "data-channel": channel.name },
            h("td", {}, channel.name, h("div", { class: "muted" }, channel.namespace)),
            h("td", {}, channel.type),
            h("td", {}, badge(channel.ready ? "healthy" : "critical", channel.ready ? "ready" : "not ready")),
            h("td", { class: "num" }, num(stats.alertsSentTotal)),
            h("td", { class: "num" }, num(stats.alertsFailedTotal)),
            h("td", {}, stats.lastFailedError || "—", stats.lastFailedTime ? h("div", { class: "muted" }, relative(stats.lastFailedTime)) : null),
            h("td", { title: dateTime(channel.lastTest?.time) }, channel.lastTest ? `${channel.lastTest.result} · ${relative(channel.lastTest.time)}` : "—"),
            h("td", {}, h("button", { type: "button", class: "ghost", onclick: async () => { await test(channel.name, channel.namespace); load(); } }, "Test")));
        }))))
        : h("p", { class: "muted" }, "No AlertChannel yet."),
      testByName(load));
  }
  await load();
}
