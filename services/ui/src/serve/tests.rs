use std::io::Read as _;

use axum::body::Body;
use http::Request;
use http_body_util::BodyExt as _;
use tower::ServiceExt as _;

use super::*;

async fn get(path: &str, headers: &[(&str, &str)]) -> (StatusCode, HeaderMap, Vec<u8>) {
    let mut request = Request::get(path);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = Dashboard::new()
        .router()
        .oneshot(request.body(Body::empty()).expect("valid request"))
        .await
        .expect("the router is infallible");
    let status = response.status();
    let headers = response.headers().clone();
    let body = response
        .into_body()
        .collect()
        .await
        .expect("in-memory body")
        .to_bytes()
        .to_vec();
    (status, headers, body)
}

#[tokio::test]
async fn the_root_is_the_page_shell_kept_to_its_own_origin() {
    let (status, headers, body) = get("/", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_TYPE], "text/html; charset=utf-8");
    assert!(
        headers[header::CONTENT_SECURITY_POLICY]
            .to_str()
            .expect("ascii")
            .contains("script-src 'self'")
    );
    assert!(headers.contains_key(header::ETAG));
    let text = String::from_utf8(body).expect("utf-8");
    assert!(
        text.contains(r#"<script type="module" src="/ui/app.js">"#),
        "{text}"
    );
}

#[tokio::test]
async fn a_known_etag_is_answered_with_not_modified_and_no_body() {
    let (_, headers, _) = get("/ui/app.js", &[]).await;
    let etag = headers[header::ETAG].to_str().expect("ascii").to_owned();
    let (status, again, body) = get("/ui/app.js", &[("if-none-match", &etag)]).await;
    assert_eq!(status, StatusCode::NOT_MODIFIED);
    assert_eq!(again[header::ETAG], etag.as_str());
    assert!(body.is_empty());
    let (status, _, _) = get("/ui/app.js", &[("if-none-match", "\"stale\"")]).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn gzip_is_sent_only_to_clients_that_accept_it_and_inflates_to_the_file() {
    let (_, plain_headers, plain) = get("/ui/app.css", &[]).await;
    assert!(!plain_headers.contains_key(header::CONTENT_ENCODING));
    let (status, headers, compressed) =
        get("/ui/app.css", &[("accept-encoding", "br, gzip;q=0.8")]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_ENCODING], "gzip");
    assert_ne!(headers[header::ETAG], plain_headers[header::ETAG]);
    let mut inflated = Vec::new();
    flate2::read::GzDecoder::new(compressed.as_slice())
        .read_to_end(&mut inflated)
        .expect("valid gzip");
    assert_eq!(inflated, plain);
    let (_, refused, _) = get("/ui/app.css", &[("accept-encoding", "gzip;q=0")]).await;
    assert!(!refused.contains_key(header::CONTENT_ENCODING));
}

#[tokio::test]
async fn modules_are_javascript_and_unknown_files_are_not_found() {
    let (status, headers, _) = get("/ui/pages/overview.js", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        headers[header::CONTENT_TYPE],
        "text/javascript; charset=utf-8"
    );
    let (status, _, _) = get("/ui/missing.js", &[]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

fn files_on_disk(dir: &std::path::Path, prefix: &str, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).expect("assets dir") {
        let entry = entry.expect("dir entry");
        let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
        if entry.path().is_dir() {
            files_on_disk(&entry.path(), &format!("{name}/"), out);
        } else {
            out.push(name);
        }
    }
}

#[test]
fn every_file_under_assets_is_embedded() {
    let mut on_disk = Vec::new();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
    files_on_disk(&root, "", &mut on_disk);
    on_disk.sort();
    let mut embedded: Vec<String> = FILES.iter().map(|f| f.path.to_owned()).collect();
    embedded.sort();
    assert_eq!(on_disk, embedded);
}

/// Every `from "./x.js"` of every module names an embedded file, so no page
/// fails to load over a typo that only a browser would notice.
#[test]
fn every_module_import_resolves_to_an_embedded_file() {
    for file in FILES.iter().filter(|f| f.path.ends_with(".js")) {
        let text = std::str::from_utf8(file.bytes).expect("utf-8");
        let dir = file.path.rsplit_once('/').map_or("", |(dir, _)| dir);
        for spec in text.split("from \"").skip(1) {
            let spec = spec.split('"').next().unwrap_or_default();
            let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
            for segment in spec.split('/') {
                match segment {
                    "." => {}
                    ".." => {
                        parts.pop();
                    }
                    name => parts.push(name),
                }
            }
            let target = parts.join("/");
            assert!(
                FILES.iter().any(|f| f.path == target),
                "{} imports {spec} ({target}), which is not embedded",
                file.path
            );
        }
    }
}

#[test]
fn the_whole_ui_stays_under_200_kb_compressed() {
    let bytes = Dashboard::new().first_load_bytes();
    assert!(bytes < 200 * 1024, "{bytes} bytes");
}
