// Browser tests of the dashboard: a real `cronjob-guardian dev` (SQLite, the
// simulated sample cluster) and the Debian Chromium driven by playwright-core.
// Each check compares what the page shows with what the REST API returns, or
// acts through the page and reads the effect back from the API.
//
//   node services/ui/browser/run.mjs        (after `cargo build -p cronjob-guardian`
//                                             and `bash scripts/install-tools`)
// Screenshots go to target/browser/.

import { spawn } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, existsSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { checks } from "./checks.mjs";

const ROOT = resolve(fileURLToPath(import.meta.url), "../../../..");
const ARTIFACTS = join(ROOT, "target/browser");
const CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run"];

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` until it returns a truthy value. */
export async function waitFor(what, probe, timeoutMs = 60000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await sleep(250);
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ""}`);
}

async function startDev(dir) {
  const binary = join(ROOT, "target/debug/cronjob-guardian");
  if (!existsSync(binary)) throw new Error(`${binary} is missing: cargo build -p cronjob-guardian`);
  const addressFile = join(dir, "addresses.json");
  const child = spawn(binary, ["dev", `--storage-sqlite-path=${join(dir, "dev.db")}`,
    "--grpc-bind-address=127.0.0.1:0", "--api-bind-address=127.0.0.1:0", "--probes-bind-address=127.0.0.1:0",
    `--address-file=${addressFile}`], { stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, GUARDIAN_LOG_LEVEL: "warn" } });
  let log = "";
  child.stderr.on("data", (chunk) => { log = (log + chunk).slice(-20000); });
  const exited = new Promise((_, reject) => child.on("exit", (code) => reject(new Error(`dev exited with ${code}\n${log}`))));
  const addresses = await Promise.race([exited, waitFor("dev to listen", () =>
    existsSync(addressFile) && JSON.parse(readFileSync(addressFile, "utf8")), 30000)]);
  return { child, base: `http://${addresses.http}`, log: () => log };
}

async function main() {
  const { chromium } = await import(join(ROOT, ".tools/node_modules/playwright-core/index.mjs"));
  mkdirSync(ARTIFACTS, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), "guardian-browser-"));
  const dev = await startDev(dir);
  const context = await chromium.launchPersistentContext(join(dir, "profile"), {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1360, height: 900 },
  });
  const started = Date.now();
  let failed = 0;
  try {
    const api = async (path, init) => {
      const response = await fetch(`${dev.base}/api/v1/${path}`, init);
      if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
      return response.json();
    };
    const expectedErrors = [];
    const consoleErrors = [];
    const watch = (page) => {
      page.on("console", (message) => {
        if (message.type() !== "error") return;
        const url = message.location()?.url || "";
        if (expectedErrors.some((pattern) => pattern.test(url))) return;
        consoleErrors.push(`${message.text()} (${url})`);
      });
      page.on("pageerror", (error) => consoleErrors.push(`uncaught: ${error.message}`));
      return page;
    };
    const env = { base: dev.base, api, context, watch, waitFor, artifacts: ARTIFACTS, expectedErrors };
    await waitFor("the sample CronJobs with history", async () => {
      const list = await api("cronjobs?namespace=guardian-sandbox");
      return list.items.length === 4 && list.items.filter((i) => i.lastSuccess).length >= 3;
    });
    for (const [name, check] of checks) {
      const at = Date.now();
      try {
        await check(env);
        console.log(`ok   ${name} (${Date.now() - at} ms)`);
      } catch (error) {
        failed += 1;
        console.log(`FAIL ${name}: ${error.stack || error}`);
      }
    }
    if (consoleErrors.length) {
      failed += 1;
      console.log(`FAIL no console errors:\n  ${consoleErrors.join("\n  ")}`);
    } else {
      console.log("ok   no console errors");
    }
  } finally {
    await context.close();
    dev.child.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`${failed ? "FAILED" : "passed"}: ${checks.length + 1 - failed}/${checks.length + 1} in ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in ${ARTIFACTS}`);
  process.exit(failed ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
