//! Serving the embedded files: ETag revalidation, gzip chosen from
//! `Accept-Encoding`, and headers that keep the page to its own origin.

use std::collections::HashMap;
use std::hash::{Hash as _, Hasher as _};
use std::io::Write as _;
use std::sync::Arc;

use axum::Router;
use axum::extract::{Path, Request};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use bytes::Bytes;
use http::{HeaderMap, HeaderValue, StatusCode, header};

use crate::assets::{FILES, content_type};

const INDEX: &str = "index.html";

/// Scripts, styles and API calls from this origin only; no framing.
const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; img-src 'self' data:; \
     style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; \
     base-uri 'none'; form-action 'self'";

/// One file, ready to send in either encoding.
struct Asset {
    content_type: &'static str,
    plain: Bytes,
    plain_etag: HeaderValue,
    /// Present only when gzip makes the file smaller.
    gzip: Option<(Bytes, HeaderValue)>,
}

/// The dashboard's files, prepared once per process.
#[derive(Clone)]
pub struct Dashboard {
    assets: Arc<HashMap<&'static str, Asset>>,
}

impl Default for Dashboard {
    fn default() -> Self {
        Dashboard::new()
    }
}

impl Dashboard {
    /// Compresses and fingerprints every embedded file.
    pub fn new() -> Dashboard {
        let assets = FILES
            .iter()
            .map(|file| (file.path, prepare(file.path, file.bytes)))
            .collect();
        Dashboard {
            assets: Arc::new(assets),
        }
    }

    /// `/` and `/ui/{file}`.
    pub fn router(&self) -> Router {
        let index = self.clone();
        let files = self.clone();
        Router::new()
            .route(
                "/",
                get(move |headers: HeaderMap| async move { index.file(INDEX, &headers) }),
            )
            .route(
                "/ui/{*path}",
                get(
                    move |Path(path): Path<String>, headers: HeaderMap| async move {
                        files.file(&path, &headers)
                    },
                ),
            )
    }

    /// The page shell for a deep link (`/cronjobs/...` typed into the address bar).
    pub fn deep_link(&self, request: &Request) -> Response {
        self.file(INDEX, request.headers())
    }

    /// The total size of the files a first visit downloads, gzip-compressed
    /// where the server would compress them.
    pub fn first_load_bytes(&self) -> usize {
        self.assets
            .values()
            .map(|asset| {
                asset
                    .gzip
                    .as_ref()
                    .map_or(asset.plain.len(), |(g, _)| g.len())
            })
            .sum()
    }

    fn file(&self, path: &str, headers: &HeaderMap) -> Response {
        let Some(asset) = self.assets.get(path) else {
            return (StatusCode::NOT_FOUND, "no such file").into_response();
        };
        let (body, etag, gzipped) = match &asset.gzip {
            Some((body, etag)) if accepts_gzip(headers) => (body, etag, true),
            _ => (&asset.plain, &asset.plain_etag, false),
        };
        let mut response = if matches_etag(headers, etag) {
            StatusCode::NOT_MODIFIED.into_response()
        } else {
            let mut response = body.clone().into_response();
            let out = response.headers_mut();
            out.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static(asset.content_type),
            );
            if gzipped {
                out.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
            }
            response
        };
        let out = response.headers_mut();
        out.insert(header::ETAG, etag.clone());
        // Revalidate every time: a new binary brings new files under the same names.
        out.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
        out.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
        out.insert(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        );
        if path == INDEX {
            out.insert(
                header::CONTENT_SECURITY_POLICY,
                HeaderValue::from_static(CONTENT_SECURITY_POLICY),
            );
            out.insert(
                header::REFERRER_POLICY,
                HeaderValue::from_static("no-referrer"),
            );
        }
        response
    }
}

fn prepare(path: &'static str, bytes: &'static [u8]) -> Asset {
    let fingerprint = fingerprint(bytes);
    let gzip = gzip(bytes)
        .filter(|compressed| compressed.len() < bytes.len())
        .map(|compressed| (Bytes::from(compressed), etag(&format!("{fingerprint}-gz"))));
    Asset {
        content_type: content_type(path),
        plain: Bytes::from_static(bytes),
        plain_etag: etag(&fingerprint),
        gzip,
    }
}

/// Same bytes, same fingerprint, in every replica running this binary.
fn fingerprint(bytes: &[u8]) -> String {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut hasher);
    format!("{:016x}", hasher.finish())
}

fn etag(tag: &str) -> HeaderValue {
    HeaderValue::from_str(&format!("\"{tag}\"")).expect("hex digits make a valid header value")
}

fn gzip(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).ok()?;
    encoder.finish().ok()
}

/// True when `Accept-Encoding` lists gzip without `q=0`.
fn accepts_gzip(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .any(|coding| {
            let mut parts = coding.split(';').map(str::trim);
            let name = parts.next().unwrap_or_default();
            let refused = parts.any(|param| {
                param
                    .strip_prefix("q=")
                    .and_then(|q| q.parse::<f32>().ok())
                    .is_some_and(|q| q == 0.0)
            });
            (name.eq_ignore_ascii_case("gzip") || name == "*") && !refused
        })
}

/// True when `If-None-Match` names `etag` (or `*`).
fn matches_etag(headers: &HeaderMap, etag: &HeaderValue) -> bool {
    let Ok(etag) = etag.to_str() else {
        return false;
    };
    headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(|tag| tag.trim().trim_start_matches("W/"))
        .any(|tag| tag == etag || tag == "*")
}

#[cfg(test)]
mod tests;
