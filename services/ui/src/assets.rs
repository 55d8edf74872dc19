//! The embedded files. A test checks that every file under `assets/` is
//! listed here, so a new module cannot be forgotten.

/// One file of the dashboard, by its path under `assets/`.
pub(crate) struct Embedded {
    pub path: &'static str,
    pub bytes: &'static [u8],
}

macro_rules! embed {
    ($($path:literal),* $(,)?) => {
        &[$(Embedded { path: $path, bytes: include_bytes!(concat!("../assets/", $path)) }),*]
    };
}

pub(crate) const FILES: &[Embedded] = embed![
    "index.html",
    "app.css",
    "app.js",
    "api.js",
    "events.js",
    "dom.js",
    "format.js",
    "schedule.js",
    "charts.js",
    "pages/overview.js",
    "pages/cronjob.js",
    "pages/alerts.js",
    "pages/monitors.js",
    "pages/sla.js",
    "pages/channels.js",
    "pages/settings.js",
];

/// The media type of a file, from its extension.
pub(crate) fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next() {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("json") => "application/json",
        _ => "application/octet-stream",
    }
}
