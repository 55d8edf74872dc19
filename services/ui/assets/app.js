// The shell: hash routes (every page and filter is a link: #/cronjobs/ns/name?status=failed),
// the theme, keyboard shortcuts, sign-in, and the one event stream that keeps
// the open page live.

import { api, setToken, token, whenUnauthorized } from "./api.js";
import { failure, h, put } from "./dom.js";
import { follow } from "./events.js";

const PAGES = [
  { pattern: /^\/?$/, page: "overview", load: () => import("./pages/overview.js") },
  { pattern: /^\/cronjobs\/([^/]+)\/([^/]+)$/, page: "overview", load: () => import("./pages/cronjob.js") },
  { pattern: /^\/alerts$/, page: "alerts", load: () => import("./pages/alerts.js") },
  { pattern: /^\/monitors$/, page: "monitors", load: () => import("./pages/monitors.js") },
  { pattern: /^\/monitors\/([^/]+)\/([^/]+)$/, page: "monitors", load: () => import("./pages/monitors.js"), detail: true },
  { pattern: /^\/sla$/, page: "sla", load: () => import("./pages/sla.js") },
  { pattern: /^\/channels$/, page: "channels", load: () => import("./pages/channels.js") },
  { pattern: /^\/settings$/, page: "settings", load: () => import("./pages/settings.js") },
];

const main = document.getElementById("main");
const live = document.getElementById("live");
let current = null; // { dispose, onEvent }
let stream = null;
let renderCount = 0;

/** The route of the address bar: path, decoded params and the query. */
export function currentRoute() {
  const raw = location.hash.replace(/^#/, "") || "/";
  const [pathPart, queryPart = ""] = raw.split("?");
  return { path: pathPart, query: new URLSearchParams(queryPart) };
}

/** Changes the query of the current route (filters, tabs, pages) as a deep link. */
export function setQuery(changes) {
  const { path, query } = currentRoute();
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined || value === null || value === "") query.delete(key);
    else query.set(key, value);
  }
  const text = query.toString();
  history.replaceState(null, "", `#${path}${text ? `?${text}` : ""}`);
}

async function render() {
  const ticket = ++renderCount;
  current?.dispose?.();
  current = null;
  const route = currentRoute();
  const match = PAGES.map((entry) => ({ entry, found: route.path.match(entry.pattern) }))
    .find(({ found }) => found);
  for (const link of document.querySelectorAll(".top nav a")) {
    link.toggleAttribute("aria-current", Boolean(match) && link.dataset.page === match.entry.page);
    if (link.hasAttribute("aria-current")) link.setAttribute("aria-current", "page");
  }
  if (!match) {
    put(main, h("h1", {}, "Not found"), h("p", {}, "No page here. ", h("a", { href: "#/" }, "Overview")));
    return;
  }
  const params = match.found.slice(1).map(decodeURIComponent);
  const module = await match.entry.load();
  if (ticket !== renderCount) return; // a newer navigation won
  const root = h("div", {});
  put(main, root);
  const page = { onEvent: null, dispose: null };
  current = page;
  try {
    await module.render({ root, params, query: route.query, detail: match.entry.detail, page });
  } catch (error) {
    if (ticket === renderCount) put(root, failure(error));
  }
}

function setLive(state) {
  live.dataset.state = state === "live" ? "live" : state === "down" ? "down" : "";
  live.textContent = { live: "live", reconnecting: "reconnecting…", down: "stream down" }[state] || state;
}

/** Starts the event stream from the newest committed event (health tells which). */
async function startStream() {
  stream?.stop();
  try {
    const health = await api("health");
    stream = follow(Number(health.lastEventSequence || 0), (event) => current?.onEvent?.(event), setLive);
  } catch (error) {
    setLive("down");
    if (error.status !== 401) setTimeout(startStream, 5000);
  }
}

function signIn() {
  const dialog = document.getElementById("signin");
  if (dialog.open) return;
  dialog.showModal();
}

document.getElementById("signin-form").addEventListener("submit", () => {
  setToken(document.getElementById("signin-token").value.trim());
  startStream();
  render();
});
whenUnauthorized(signIn);

function applyTheme(theme) {
  if (theme) document.documentElement.dataset.theme = theme;
}
applyTheme(localStorage.getItem("guardian.theme"));
function toggleTheme() {
  const dark = document.documentElement.dataset.theme
    ? document.documentElement.dataset.theme === "dark"
    : matchMedia("(prefers-color-scheme: dark)").matches;
  const next = dark ? "light" : "dark";
  localStorage.setItem("guardian.theme", next);
  applyTheme(next);
}
document.getElementById("theme").addEventListener("click", toggleTheme);

// Keyboard: "/" search, j/k rows, g+letter pages, t theme, ? help.
const GO = { o: "#/", a: "#/alerts", m: "#/monitors", s: "#/sla", c: "#/channels", x: "#/settings" };
let pendingG = false;
function moveRow(step) {
  const rows = [...main.querySelectorAll("tbody tr[tabindex]")];
  if (!rows.length) return;
  const at = rows.indexOf(document.activeElement);
  const next = rows[Math.max(0, Math.min(rows.length - 1, at < 0 ? 0 : at + step))];
  next.focus();
}
document.addEventListener("keydown", (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  const typing = /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName) || document.querySelector("dialog[open]");
  if (typing) return;
  if (pendingG) {
    pendingG = false;
    if (GO[event.key]) location.hash = GO[event.key];
    return;
  }
  const actions = {
    "/": () => main.querySelector("input[type=search]")?.focus(),
    j: () => moveRow(1),
    k: () => moveRow(-1),
    g: () => { pendingG = true; },
    t: toggleTheme,
    "?": () => document.getElementById("help").showModal(),
  };
  if (actions[event.key]) {
    event.preventDefault();
    actions[event.key]();
  }
});

window.addEventListener("hashchange", render);
if (!token()) setLive("reconnecting");
startStream();
render();
