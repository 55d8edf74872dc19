// The live event stream (/api/v1/events, Server-Sent Events) read with fetch
// rather than EventSource, because EventSource cannot send the Authorization
// header. Each event's id is its sequence; after a dropped connection (a
// replica restarting, a proxy timing out) the stream is opened again with
// Last-Event-ID, so the server replays what was missed, in order, once.

import { authHeaders } from "./api.js";

const MAX_BACKOFF_MS = 10000;

/** Splits SSE text into events; returns the unparsed tail. */
export function parseBlocks(buffer, emit) {
  const blocks = buffer.split(/\r?\n\r?\n/);
  const rest = blocks.pop();
  for (const block of blocks) {
    let id = null;
    let type = "message";
    const data = [];
    for (const line of block.split(/\r?\n/)) {
      if (line === "" || line.startsWith(":")) continue;
      const colon = line.indexOf(":");
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
      if (field === "id") id = value;
      else if (field === "event") type = value;
      else if (field === "data") data.push(value);
    }
    if (data.length) emit({ id, type, data: data.join("\n") });
  }
  return rest;
}

/**
 * Follows the stream after `afterSequence`. `onEvent(event)` gets each
 * guardian.v1.Event once; `onState("live" | "reconnecting" | "down")` tracks
 * the connection. Returns a handle with stop().
 */
export function follow(afterSequence, onEvent, onState) {
  let last = Number(afterSequence) || 0;
  let stopped = false;
  let controller = null;

  async function readOnce() {
    controller = new AbortController();
    const response = await fetch("/api/v1/events", {
      headers: authHeaders({ Accept: "text/event-stream", "Last-Event-ID": String(last) }),
      signal: controller.signal,
      cache: "no-store",
    });
    if (!response.ok || !response.body) throw new Error(`event stream: HTTP ${response.status}`);
    onState("live");
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer = parseBlocks(buffer + value, (message) => {
        if (message.type !== "message") return; // "error": the server ends the stream; resume.
        const event = JSON.parse(message.data);
        const sequence = Number(message.id ?? event.sequence);
        if (sequence <= last) return; // already seen (a replay overlap)
        last = sequence;
        onEvent(event);
      });
    }
  }

  (async () => {
    let backoff = 500;
    while (!stopped) {
      try {
        await readOnce();
        backoff = 500;
      } catch (error) {
        if (stopped) return;
        onState("down");
      }
      if (stopped) return;
      onState("reconnecting");
      await new Promise((resolve) => setTimeout(resolve, backoff));
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
    }
  })();

  return {
    stop() {
      stopped = true;
      controller?.abort();
    },
    get last() {
      return last;
    },
  };
}

/** The CronJob an event is about ({namespace, name}), if any. */
export function cronjobOf(event) {
  return (event.execution || event.cronjob || event.alert || event.historyDeleted || {}).cronjob || null;
}
