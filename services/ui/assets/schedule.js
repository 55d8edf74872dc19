// Cron schedules in words: "0 9 * * 1-5" → "every weekday at 09:00". Covers the
// common shapes; anything else is shown as written.

const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
  "September", "October", "November", "December"];
const MACROS = {
  "@yearly": "0 0 1 1 *", "@annually": "0 0 1 1 *", "@monthly": "0 0 1 * *",
  "@weekly": "0 0 * * 0", "@daily": "0 0 * * *", "@midnight": "0 0 * * *", "@hourly": "0 * * * *",
};
const NAMES = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6,
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };

const isNumber = (text) => /^\d+$/.test(text);
const pad = (n) => String(n).padStart(2, "0");

/** The values of a field ("1-5", "1,3", "MON") or null for *, steps and the unreadable. */
function values(field, max) {
  const out = [];
  for (const part of field.toLowerCase().split(",")) {
    const [from, to] = part.split("-").map((v) => (v in NAMES ? NAMES[v] : v));
    if (!isNumber(String(from)) || (to !== undefined && !isNumber(String(to)))) return null;
    const end = to === undefined ? Number(from) : Number(to);
    for (let v = Number(from); v <= end && v <= max; v++) out.push(v);
  }
  return out.length ? out : null;
}

function list(words) {
  return words.length < 2 ? words.join("") : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}

function dayWords(field) {
  const days = values(field, 7);
  if (!days) return null;
  const set = [...new Set(days.map((d) => d % 7))].sort();
  if (set.join() === "1,2,3,4,5") return "every weekday";
  if (set.join() === "0,6") return "every weekend day";
  return `every ${list(set.map((d) => DAYS[d]))}`;
}

/** Words for a five-field cron expression (or a macro), or the text itself. */
export function describe(schedule) {
  const text = String(schedule || "").trim();
  if (text.startsWith("@every ")) return `every ${text.slice(7)}`;
  const fields = (MACROS[text] || text).split(/\s+/);
  if (fields.length !== 5) return text;
  const [minute, hour, dom, month, dow] = fields;
  const step = (field) => (field.match(/^\*\/(\d+)$/) || [])[1];
  if (dom === "*" && month === "*" && dow === "*") {
    if (minute === "*" && hour === "*") return "every minute";
    if (step(minute) && hour === "*") return `every ${step(minute)} minutes`;
    if (isNumber(minute) && hour === "*") return minute === "0" ? "every hour" : `every hour at :${pad(minute)}`;
    if (isNumber(minute) && step(hour)) return `every ${step(hour)} hours at :${pad(minute)}`;
  }
  const minutes = values(minute, 59);
  const hours = values(hour, 23);
  if (!minutes || !hours || minutes.length * hours.length > 4) return text;
  const at = `at ${list(hours.flatMap((h) => minutes.map((m) => `${pad(h)}:${pad(m)}`)))}`;
  if (dom === "*" && month === "*") {
    if (dow === "*") return `every day ${at}`;
    const days = dayWords(dow);
    return days ? `${days} ${at}` : text;
  }
  const dates = values(dom, 31);
  if (!dates || dow !== "*") return text;
  const ordinal = list(dates.map(String));
  if (month === "*") return `on day ${ordinal} of every month ${at}`;
  const months = values(month, 12);
  return months ? `every year on ${list(months.map((m) => MONTHS[m - 1]))} ${ordinal} ${at}` : text;
}
