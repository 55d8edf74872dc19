// The checks of run.mjs, in order. Each gets { base, api, context, watch,
// waitFor, artifacts, expectedErrors } and throws on a mismatch.

import assert from "node:assert/strict";
import { join } from "node:path";

const NS = "guardian-sandbox";
const texts = (locator) => locator.allTextContents();

async function open(env, hash) {
  const page = env.watch(await env.context.newPage());
  await page.goto(`${env.base}/${hash}`);
  return page;
}

/** A tab left open on a CronJob from the start: the next scheduled run must appear in it without a reload. */
let liveTab = null;
let liveTopJob = null;

export const checks = [
  ["a page left open starts on nightly-backup", async (env) => {
    liveTab = await open(env, `#/cronjobs/${NS}/nightly-backup`);
    await liveTab.locator("#executions tbody tr").first().waitFor();
    liveTopJob = await liveTab.locator("#executions tbody tr").first().getAttribute("data-job");
    const state = () => liveTab.locator("#live").textContent();
    await env.waitFor("the stream to be live", async () => (await state()) === "live", 15000);
  }],

  ["overview shows the API's CronJobs, counters and alerts", async (env) => {
    const page = await open(env, "");
    const [list, alerts] = await Promise.all([env.api("cronjobs"), env.api("alerts")]);
    await page.locator("#cronjobs tbody tr").nth(list.items.length - 1).waitFor();
    const shown = (await page.locator("#cronjobs tbody tr").evaluateAll((rows) => rows.map((r) => r.dataset.href))).sort();
    const expected = list.items.map((i) => `#/cronjobs/${i.namespace}/${i.name}`).sort();
    assert.deepEqual(shown, expected);
    assert.equal(await page.locator(".counter.total b").textContent(), String(list.items.length));
    assert.equal(await page.locator(".counter.critical b").textContent(), String(list.summary.critical || 0));
    const schedule = await page.locator("#cronjobs tbody tr").first().locator("td").nth(2).textContent();
    assert.match(schedule, /^every minute/);
    for (const alert of alerts.items.slice(0, 3)) {
      assert.ok((await page.locator("section[aria-label='Active alerts']").textContent()).includes(alert.title), alert.title);
    }
    await page.screenshot({ path: join(env.artifacts, "overview.png"), fullPage: true });
    await page.close();
  }],

  ["filters are deep links, and keyboard opens a row", async (env) => {
    const page = await open(env, "#/?q=etl");
    await env.waitFor("one filtered row", async () => (await page.locator("#cronjobs tbody tr").count()) === 1);
    assert.equal(await page.locator("#cronjobs tbody tr").getAttribute("data-href"), `#/cronjobs/${NS}/etl-pipeline`);
    await page.locator("h1").click();
    await page.keyboard.press("j");
    await page.keyboard.press("Enter");
    await page.waitForURL(/#\/cronjobs\/guardian-sandbox\/etl-pipeline/);
    await page.locator("h1").filter({ hasText: "etl-pipeline" }).waitFor();
    const theme = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const before = await theme();
    await page.keyboard.press("t");
    assert.notEqual(await theme(), before, "t switches the theme");
    await page.keyboard.press("t");
    assert.equal(await theme(), before);
    await page.close();
  }],

  ["CronJob detail shows figures, history, a filter and a run's logs", async (env) => {
    const base = `cronjobs/${NS}/report-generator`;
    const page = await open(env, `#/${base}`);
    const [detail, runs] = await Promise.all([env.api(base), env.api(`${base}/executions?limit=20`)]);
    await page.locator("#executions tbody tr").nth(runs.items.length - 1).waitFor();
    assert.ok((await page.locator("h1").textContent()).includes(detail.status));
    const jobs = await page.locator("#executions tbody tr").evaluateAll((rows) => rows.map((r) => r.dataset.job));
    assert.deepEqual(jobs.slice(1), runs.items.map((i) => i.jobName).slice(1)); // the newest may have just changed
    await page.locator("select[aria-label='Run status']").selectOption("failed");
    await env.waitFor("only failed runs", async () => {
      const badges = await texts(page.locator("#executions tbody tr td:nth-child(2)"));
      return badges.length > 0 && badges.every((b) => b === "failed");
    });
    assert.match(page.url(), /status=failed/);
    const failedJob = await page.locator("#executions tbody tr").first().getAttribute("data-job");
    const stored = await env.api(`${base}/executions/${failedJob}`);
    await page.locator("#executions tbody tr").first().click();
    await page.locator("#run pre.logs").waitFor();
    assert.equal(await page.locator("#run pre.logs").textContent(), stored.storedLogs || "(none stored)");
    await page.locator("section[aria-label='Trends'] svg").first().waitFor();
    await page.screenshot({ path: join(env.artifacts, "cronjob-detail.png"), fullPage: true });
    await page.close();
  }],

  ["suspend, resume and trigger act through the page", async (env) => {
    const base = `cronjobs/${NS}/etl-pipeline`;
    const page = await open(env, `#/${base}`);
    await page.locator("#suspend").click();
    await page.locator("#resume").waitFor();
    assert.equal((await env.api(base)).suspended, true);
    await page.locator("#resume").click();
    await page.locator("#suspend").waitFor();
    assert.equal((await env.api(base)).suspended, false);
    const reply = page.waitForResponse((r) => r.url().endsWith(`/${base}/trigger`));
    await page.locator("#trigger").click();
    const triggered = await (await reply).json();
    assert.ok(triggered.jobName, JSON.stringify(triggered));
    await page.locator("#toast div").filter({ hasText: triggered.message }).waitFor();
    await page.close();
  }],

  ["alerts: active list matches, acknowledge and silence act", async (env) => {
    const active = await env.waitFor("an active alert", async () => {
      const reply = await env.api("alerts");
      return reply.items.length >= 1 && reply;
    }, 60000);
    const page = await open(env, "#/alerts");
    await page.locator("#active-alerts .alert").nth(active.items.length - 1).waitFor();
    const first = active.items[0];
    const card = page.locator(`[data-alert="${first.id}"]`);
    await card.getByRole("button", { name: "Acknowledge" }).click();
    await page.locator("#confirm input[name=note]").fill("looking at it");
    await page.locator("#confirm-ok").click();
    await card.locator(".ack").waitFor();
    const acknowledged = (await env.api("alerts")).items.find((a) => a.id === first.id);
    assert.equal(acknowledged.acknowledgement.note, "looking at it");
    await card.getByRole("button", { name: "Silence" }).click();
    await page.locator("#confirm-ok").click();
    await card.locator(".silenced").waitFor();
    assert.ok((await env.api("alerts")).items.find((a) => a.id === first.id).silence.until);
    await page.goto(`${env.base}/#/alerts?tab=history`);
    const history = await env.api("alerts/history?limit=50");
    await page.locator("#alert-history").waitFor();
    assert.equal(await page.locator("#alert-history tbody tr").count(), history.items.length);
    await page.close();
  }],

  ["monitors: list and detail with the CronJobs covered", async (env) => {
    const page = await open(env, "#/monitors");
    const monitors = await env.api("monitors");
    await page.locator("#monitors tbody tr").nth(monitors.items.length - 1).waitFor();
    await page.locator("#monitors tbody tr").filter({ hasText: "sandbox-samples" }).click();
    await page.locator("#covered tbody tr").nth(3).waitFor();
    assert.equal(await page.locator("#covered tbody tr").count(), 4);
    await page.close();
  }],

  ["SLA report: target, rate and verdict per CronJob", async (env) => {
    const page = await open(env, "#/sla");
    const list = await env.api(`cronjobs?namespace=${NS}`);
    await page.locator("#sla tbody tr").nth(3).waitFor();
    for (const item of list.items) {
      const row = page.locator(`#sla tbody tr[data-href="#/cronjobs/${NS}/${item.name}"]`);
      const cells = await texts(row.locator("td"));
      assert.equal(cells[1], "90%");
      const expected = item.successRate < 90 ? "breaching" : item.successRate < 95 ? "at risk" : "meeting";
      assert.equal(cells[4], expected, `${item.name}: ${item.successRate}`);
    }
    await page.close();
  }],

  ["channels: the API's list or its problem, and a test alert by name", async (env) => {
    env.expectedErrors.push(/\/api\/v1\/channels(\/[^/]+\/test.*)?$/);
    const page = await open(env, "#/channels");
    const listed = await fetch(`${env.base}/api/v1/channels`);
    const body = await listed.json();
    if (listed.ok) {
      await page.locator("#channels, section p.muted").first().waitFor();
      assert.equal(await page.locator("#channels tbody tr").count(), body.items.length);
    } else {
      await page.locator(".error").filter({ hasText: body.detail || body.title }).waitFor();
    }
    await page.locator("#test-channel input[name=name]").fill("no-such-channel");
    await page.locator("#test-channel button").click();
    await page.locator("#toast div.bad").filter({ hasText: "no-such-channel" }).waitFor();
    await page.close();
  }],

  ["settings: health, storage, prune dry run, pattern tester, config", async (env) => {
    env.expectedErrors.push(/\/api\/v1\/config$/);
    const page = await open(env, "#/settings");
    const [health, storage] = await Promise.all([env.api("health"), env.api("admin/storage-stats")]);
    await page.locator("#health").waitFor();
    assert.ok((await page.locator("#health").textContent()).includes(health.version));
    assert.ok((await page.locator("#storage").textContent()).includes(storage.storageType));
    await page.locator("#prune button").click();
    await page.locator("#prune-result").filter({ hasText: "Dry run" }).waitFor();
    await page.locator("#pattern button").click();
    await page.locator("#pattern-result").filter({ hasText: "matched" }).waitFor();
    assert.ok((await page.locator("#pattern-result").textContent()).includes("default/example cannot reach its database (exit 1)"));
    const config = await fetch(`${env.base}/api/v1/config`);
    if (config.ok) {
      assert.deepEqual(JSON.parse(await page.locator("#config").textContent()), await config.json());
    } else {
      // Not served by this replica: the page shows the API's own problem text.
      const problem = await config.json();
      await page.locator(".error").filter({ hasText: problem.detail || problem.title }).waitFor();
    }
    await page.close();
  }],

  ["schedules read as words", async (env) => {
    const page = await open(env, "#/sla");
    const cases = {
      "* * * * *": "every minute", "*/15 * * * *": "every 15 minutes", "30 * * * *": "every hour at :30",
      "0 9 * * 1-5": "every weekday at 09:00", "0 3 * * *": "every day at 03:00", "@weekly": "every Sunday at 00:00",
      "0 9,17 * * MON": "every Monday at 09:00 and 17:00", "0 0 1 * *": "on day 1 of every month at 00:00",
      "5 4 * * sun,wed": "every Sunday and Wednesday at 04:05", "0 0 L * *": "0 0 L * *",
    };
    const got = await page.evaluate(async (schedules) => {
      const { describe } = await import("/ui/schedule.js");
      return Object.fromEntries(schedules.map((text) => [text, describe(text)]));
    }, Object.keys(cases));
    assert.deepEqual(got, cases);
    await page.close();
  }],

  ["a run finishing in the cluster appears on the open page without a reload", async (env) => {
    await env.waitFor("a newer run at the top of the open page", async () => {
      const top = await liveTab.locator("#executions tbody tr").first();
      const [job, status] = [await top.getAttribute("data-job"), await top.locator("td").nth(1).textContent()];
      return job !== liveTopJob && status === "success";
    }, 90000);
    const runs = await env.api(`cronjobs/${NS}/nightly-backup/executions?limit=1`);
    assert.equal(await liveTab.locator("#executions tbody tr").first().getAttribute("data-job"), runs.items[0].jobName);
    await liveTab.close();
  }],
];
