//! The web dashboard: plain HTML, CSS and JavaScript modules, embedded in the
//! binary and served by every query replica beside `/api/v1`.
//!
//! ```text
//!  GET /            index.html (the page shell; the script draws every page)
//!  GET /ui/{file}   the embedded CSS and JavaScript modules
//!  GET /{other}     index.html again, so a deep link survives a reload
//! ```
//!
//! No build step and no Node.js: the files under `assets/` are what the
//! browser runs. Each is compressed once at start-up (gzip, when it helps) and
//! carries an ETag, so a browser revalidates with a 304 instead of downloading.
//! The page only talks to the public REST API and its event stream, so it
//! needs no rights of its own: with `auth.enabled` every API call carries the
//! bearer token the user entered.

mod assets;
mod serve;

pub use serve::Dashboard;
