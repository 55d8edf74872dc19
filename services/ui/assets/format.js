// Formatting of API values for people: times relative to now, durations,
// percentages. Pure functions.

const UNITS = [
  ["d", 86400],
  ["h", 3600],
  ["min", 60],
  ["s", 1],
];

/** "3 min ago" / "in 2 h" from an RFC 3339 time; "—" when absent. */
export function relative(iso, now = Date.now()) {
  if (!iso) return "—";
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 5) return "now";
  for (const [unit, size] of UNITS) {
    if (abs >= size) {
      const amount = Math.floor(abs / size);
      return seconds < 0 ? `${amount} ${unit} ago` : `in ${amount} ${unit}`;
    }
  }
  return "now";
}

/** A local date and time, for titles and details. */
export function dateTime(iso) {
  if (!iso) return "—";
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

/** "1m 30s" from seconds. */
export function seconds(value) {
  const total = Number(value);
  if (!Number.isFinite(total) || total <= 0) return "—";
  if (total < 10) return `${total.toFixed(1)}s`;
  const rounded = Math.round(total);
  const parts = [];
  let rest = rounded;
  for (const [unit, size] of UNITS) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit === "min" ? "m" : unit}`);
      rest %= size;
    }
  }
  return parts.slice(0, 2).join(" ");
}

/** Seconds from a Go-style duration ("1h2m3.5s", "250ms"). */
export function goSeconds(text) {
  if (!text) return 0;
  let total = 0;
  for (const [, amount, unit] of String(text).matchAll(/([\d.]+)(h|ms|m|s|µs|us|ns)/g)) {
    const factor = { h: 3600, m: 60, s: 1, ms: 1e-3, "µs": 1e-6, us: 1e-6, ns: 1e-9 }[unit];
    total += Number(amount) * factor;
  }
  return total;
}

/** "97.5%" from a percentage. */
export function percent(value) {
  const n = Number(value);
  if (!Number.isFinite(n)) return "—";
  return `${Number.isInteger(n) || n >= 99.95 ? n.toFixed(0) : n.toFixed(1)}%`;
}

/** Calls `fn` at most once per `ms`, after the last call settles. */
export function debounce(fn, ms) {
  let timer = null;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

/**
 * Runs `fn` once, `ms` after the first of a burst of calls: a page refreshes
 * promptly after an event, and at most once per `ms` however busy the stream.
 */
export function coalesce(fn, ms) {
  let pending = false;
  return () => {
    if (pending) return;
    pending = true;
    setTimeout(() => {
      pending = false;
      fn();
    }, ms);
  };
}
