// Building DOM without innerHTML: every text from the API goes in as a text
// node, so a CronJob name or log line can never inject markup.

const SVG_NS = "http://www.w3.org/2000/svg";

function build(element, attrs, children) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") {
      element.addEventListener(key.slice(2), value);
    } else if (key === "text") {
      element.textContent = value;
    } else {
      element.setAttribute(key, value === true ? "" : String(value));
    }
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/** An HTML element: h("a", {href: "#/"}, "text", child, [more]). */
export function h(tag, attrs, ...children) {
  return build(document.createElement(tag), attrs, children);
}

/** An SVG element, same calling convention as h. */
export function s(tag, attrs, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}

/** Replaces the children of `element`. */
export function put(element, ...children) {
  element.replaceChildren();
  return build(element, {}, children);
}

/** A short message in the corner; `bad` marks failures. */
export function toast(message, bad = false) {
  const box = document.getElementById("toast");
  const item = h("div", { class: bad ? "bad" : null }, message);
  box.append(item);
  setTimeout(() => item.remove(), bad ? 8000 : 4000);
}

/**
 * Asks before a destructive action. `fields` are extra inputs (label, name,
 * type, value); resolves to their values, or null when cancelled.
 */
export function confirmDialog(text, { ok = "Confirm", danger = false, fields = [] } = {}) {
  const dialog = document.getElementById("confirm");
  put(dialog.querySelector("#confirm-text"), text);
  const inputs = fields.map((field) =>
    field.options
      ? h("select", { name: field.name }, field.options.map(([value, label]) =>
          h("option", { value, selected: value === field.value }, label)))
      : h("input", { name: field.name, type: field.type || "text", value: field.value ?? "" }));
  put(dialog.querySelector("#confirm-fields"),
    fields.map((field, i) => h("label", {}, field.label, inputs[i])));
  const button = dialog.querySelector("#confirm-ok");
  button.textContent = ok;
  button.className = danger ? "danger" : "";
  dialog.returnValue = "";
  dialog.showModal();
  return new Promise((resolve) => {
    dialog.addEventListener("close", () => {
      if (dialog.returnValue !== "ok") return resolve(null);
      resolve(Object.fromEntries(inputs.map((input) => [input.name, input.value])));
    }, { once: true });
  });
}

/** A status word as a coloured badge. */
export function badge(word, extra) {
  const value = String(word || "unknown");
  return h("span", { class: `badge ${value.toLowerCase().replace(/\s+/g, "-")}` }, extra ?? value);
}

/** A message block for a failed load, with the API's own words. */
export function failure(error) {
  return h("div", { class: "error", role: "alert" },
    h("strong", {}, error.title || "Request failed"), " ", error.detail || error.message || "");
}

/** A table row that opens `href` on click or Enter, and takes focus (j/k). */
export function linkRow(href, cells) {
  const open = (event) => {
    if (event.target.closest("a, button, input, select")) return;
    location.hash = href;
  };
  return h("tr", {
    tabindex: 0,
    "data-href": href,
    onclick: open,
    onkeydown: (event) => { if (event.key === "Enter") open(event); },
  }, cells);
}

/** Prev / next paging under a table; `go(offset)` loads a page. */
export function pager({ offset, limit, total, hasMore }, go) {
  const last = total ? Math.min(offset + limit, total) : offset + limit;
  return h("div", { class: "pager" },
    h("button", { type: "button", class: "ghost", disabled: offset <= 0, onclick: () => go(Math.max(0, offset - limit)) }, "← Newer"),
    h("span", { class: "muted" }, total ? `${offset + 1}–${last} of ${total}` : ""),
    h("button", { type: "button", class: "ghost", disabled: !hasMore, onclick: () => go(offset + limit) }, "Older →"));
}
