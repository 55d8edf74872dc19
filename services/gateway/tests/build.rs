//! Building a gateway: the rules it accepts, and a clear error for each rule it
//! cannot serve (checked at start-up, so no request ever meets a bad rule).

use guardian_gateway::{Gateway, GatewayError};

/// Compiles one .proto text (importing the vendored google/api) to an encoded set.
fn descriptor_set(proto: &str) -> Vec<u8> {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("test.proto"), proto).expect("write proto");
    let vendored = concat!(env!("CARGO_MANIFEST_DIR"), "/../../proto");
    let mut compiler =
        protox::Compiler::new([dir.path(), std::path::Path::new(vendored)]).expect("compiler");
    compiler.include_imports(true);
    compiler.open_files(["test.proto"]).expect("proto compiles");
    compiler.encode_file_descriptor_set()
}

fn service(rpcs: &str) -> Vec<u8> {
    descriptor_set(&format!(
        r#"syntax = "proto3";
        package t.v1;
        import "google/api/annotations.proto";
        message Req {{ string name = 1; repeated string tags = 2; Inner inner = 3; }}
        message Inner {{ string id = 1; }}
        message Resp {{ string value = 1; Inner inner = 2; }}
        service TestService {{ {rpcs} }}"#
    ))
}

#[test]
fn the_real_api_binds_every_annotated_rpc_once() {
    let gateway = Gateway::new(guardian_api::FILE_DESCRIPTOR_SET).expect("gateway builds");
    let rpcs: Vec<_> = gateway.bindings().iter().map(|b| b.rpc()).collect();
    assert_eq!(rpcs.len(), 26, "{rpcs:?}");
    assert!(rpcs.contains(&"guardian.v1.EventService.Subscribe"));
    let subscribe = gateway
        .bindings()
        .iter()
        .find(|b| b.rpc().ends_with("Subscribe"))
        .expect("bound");
    assert!(subscribe.is_streaming());
    assert_eq!(
        (subscribe.http_method().as_str(), subscribe.template()),
        ("GET", "/api/v1/events")
    );

    let query_only = Gateway::for_services(
        guardian_api::FILE_DESCRIPTOR_SET,
        &["guardian.v1.QueryService"],
    )
    .expect("gateway builds");
    assert_eq!(query_only.bindings().len(), 17);
    assert!(
        query_only
            .bindings()
            .iter()
            .all(|b| b.rpc().starts_with("guardian.v1.QueryService."))
    );
}

#[test]
fn nested_path_fields_and_additional_bindings_are_accepted() {
    let set = service(
        r#"rpc Get(Req) returns (Resp) {
             option (google.api.http) = {
               get: "/v1/items/{inner.id}"
               response_body: "inner"
               additional_bindings { post: "/v1/items/{name}:lookup" body: "*" }
             };
           }"#,
    );
    let error = Gateway::new(&set).expect_err("custom verbs are refused");
    assert!(matches!(error, GatewayError::Template { .. }), "{error}");

    let set = service(
        r#"rpc Get(Req) returns (Resp) {
             option (google.api.http) = {
               get: "/v1/items/{inner.id}"
               response_body: "inner"
               additional_bindings { post: "/v1/items/{name}/lookup" body: "*" }
             };
           }"#,
    );
    let gateway = Gateway::new(&set).expect("gateway builds");
    let routes: Vec<_> = gateway
        .bindings()
        .iter()
        .map(|b| (b.http_method().as_str(), b.template()))
        .collect();
    assert_eq!(
        routes,
        [
            ("GET", "/v1/items/{inner.id}"),
            ("POST", "/v1/items/{name}/lookup")
        ]
    );
}

#[test]
fn rules_the_gateway_cannot_serve_are_refused_at_build_time() {
    let cases = [
        (
            r#"rpc A(Req) returns (Resp) { option (google.api.http) = { get: "/v1/x/{name}" }; }
            rpc B(Req) returns (Resp) { option (google.api.http) = { get: "/v1/x/{inner.id}" }; }"#,
            "bound twice",
        ),
        (
            r#"rpc A(Req) returns (Resp) { option (google.api.http) = { get: "/v1/{missing}" }; }"#,
            "path variable",
        ),
        (
            r#"rpc A(Req) returns (Resp) { option (google.api.http) = { get: "/v1/{tags}" }; }"#,
            "not a scalar",
        ),
        (
            r#"rpc A(Req) returns (Resp) { option (google.api.http) = { post: "/v1/a" body: "nope" }; }"#,
            "body",
        ),
        (
            r#"rpc A(Req) returns (Resp) { option (google.api.http) = { get: "/v1/a" response_body: "value" }; }"#,
            "response_body",
        ),
        (
            r#"rpc A(stream Req) returns (Resp) { option (google.api.http) = { post: "/v1/a" body: "*" }; }"#,
            "client-streaming",
        ),
        (
            r#"rpc A(Req) returns (Resp) { option (google.api.http) = { get: "/v1/{name=items/*}" }; }"#,
            "not supported",
        ),
    ];
    for (rpcs, expected) in cases {
        let error = Gateway::new(&service(rpcs)).expect_err(expected);
        assert!(error.to_string().contains(expected), "{expected}: {error}");
    }
}

#[test]
fn unusable_descriptor_sets_are_refused() {
    let error = Gateway::new(b"\xff\xff not a descriptor set").expect_err("garbage");
    assert!(matches!(error, GatewayError::Descriptor(_)), "{error}");

    let plain = descriptor_set(r#"syntax = "proto3"; package p.v1; message M {}"#);
    assert!(matches!(
        Gateway::new(&plain),
        Err(GatewayError::NoHttpExtension)
    ));

    let unknown = Gateway::for_services(
        guardian_api::FILE_DESCRIPTOR_SET,
        &["guardian.v1.NoSuchService"],
    );
    assert!(
        matches!(unknown, Err(GatewayError::UnknownService(name)) if name == "guardian.v1.NoSuchService")
    );
}
