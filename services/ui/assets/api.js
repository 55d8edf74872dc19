// The only door to the server: the public REST API (/api/v1). Errors come back
// as RFC 7807 problems; their title and detail are shown to the user as is.

const TOKEN_KEY = "guardian.token";

/** A failed API call, with the problem's words. */
export class ApiError extends Error {
  constructor(status, title, detail) {
    super(detail || title);
    this.status = status;
    this.title = title;
    this.detail = detail;
  }
}

/** The bearer token of this tab (auth.enabled), if any. */
export function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function setToken(value) {
  if (value) sessionStorage.setItem(TOKEN_KEY, value);
  else sessionStorage.removeItem(TOKEN_KEY);
}

/** Headers every call carries. */
export function authHeaders(extra = {}) {
  const bearer = token();
  return bearer ? { ...extra, Authorization: `Bearer ${bearer}` } : extra;
}

/** "?a=1&b=x" from an object, leaving out empty values. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    if (value !== undefined && value !== null && value !== "") search.set(key, value);
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

/** Path segments, encoded. */
export function path(...segments) {
  return segments.map(encodeURIComponent).join("/");
}

let onUnauthorized = () => {};

/** Who to call when the API answers 401 (the sign-in dialog). */
export function whenUnauthorized(handler) {
  onUnauthorized = handler;
}

/** Calls the API; resolves to the JSON reply, or throws an ApiError. */
export async function api(url, { method = "GET", body, params } = {}) {
  const headers = authHeaders({ Accept: "application/json" });
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let response;
  try {
    response = await fetch(`/api/v1/${url}${query(params)}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    throw new ApiError(0, "The server cannot be reached", String(error.message || error));
  }
  const text = await response.text();
  let reply = null;
  try {
    reply = text ? JSON.parse(text) : {};
  } catch {
    reply = { detail: text };
  }
  if (!response.ok) {
    if (response.status === 401) onUnauthorized();
    throw new ApiError(response.status, reply.title || `HTTP ${response.status}`, reply.detail);
  }
  return reply;
}

/** int64 fields may arrive as JSON strings; numbers either way. */
export function num(value) {
  const n = Number(value ?? 0);
  return Number.isFinite(n) ? n : 0;
}
