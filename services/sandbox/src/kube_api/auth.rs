//! TokenReview and SubjectAccessReview, as a small table: tokens name users,
//! and grants say which verbs a user has in which namespace. Enough for the
//! product's API access check to run against the stand-in.
//!
//! Simplifications: the resource and group of a review are not looked at; a
//! grant in namespace "" is cluster-wide and covers every namespace; users
//! have no groups.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, PoisonError, RwLock};

use axum::Router;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::post;
use serde_json::{Value, json};

use super::routes::json_response;

#[derive(Debug, Default)]
struct Table {
    users_by_token: HashMap<String, String>,
    /// (user, namespace, verb).
    grants: HashSet<(String, String, String)>,
}

/// The stand-in's tokens and grants; shared with the server, changeable while it runs.
#[derive(Debug, Clone, Default)]
pub struct AccessTable(Arc<RwLock<Table>>);

impl AccessTable {
    /// `token` authenticates as `user`.
    pub fn add_token(&self, token: &str, user: &str) {
        self.write(|table| {
            table
                .users_by_token
                .insert(token.to_owned(), user.to_owned());
        });
    }

    /// `user` may `verb` in `namespace` ("" = everywhere).
    pub fn allow(&self, user: &str, namespace: &str, verb: &str) {
        self.write(|table| {
            table
                .grants
                .insert((user.to_owned(), namespace.to_owned(), verb.to_owned()));
        });
    }

    fn write(&self, change: impl FnOnce(&mut Table)) {
        change(&mut self.0.write().unwrap_or_else(PoisonError::into_inner));
    }

    fn user_of(&self, token: &str) -> Option<String> {
        let table = self.0.read().unwrap_or_else(PoisonError::into_inner);
        table.users_by_token.get(token).cloned()
    }

    fn allows(&self, user: &str, namespace: &str, verb: &str) -> bool {
        let table = self.0.read().unwrap_or_else(PoisonError::into_inner);
        [namespace, ""].iter().any(|scope| {
            table
                .grants
                .contains(&(user.to_owned(), (*scope).to_owned(), verb.to_owned()))
        })
    }
}

/// The two review endpoints.
pub(super) fn router(access: AccessTable) -> Router {
    let tokens = access.clone();
    Router::new()
        .route(
            "/apis/authentication.k8s.io/v1/tokenreviews",
            post(move |body: axum::Json<Value>| async move { token_review(&tokens, body.0) }),
        )
        .route(
            "/apis/authorization.k8s.io/v1/subjectaccessreviews",
            post(move |body: axum::Json<Value>| async move { access_review(&access, body.0) }),
        )
}

fn token_review(access: &AccessTable, mut review: Value) -> Response {
    let token = review["spec"]["token"].as_str().unwrap_or_default();
    review["status"] = match access.user_of(token) {
        Some(user) => json!({"authenticated": true, "user": {"username": user}}),
        None => json!({"authenticated": false, "error": "unknown token"}),
    };
    json_response(StatusCode::CREATED, review)
}

fn access_review(access: &AccessTable, mut review: Value) -> Response {
    let spec = &review["spec"];
    let user = spec["user"].as_str().unwrap_or_default();
    let attributes = &spec["resourceAttributes"];
    let namespace = attributes["namespace"].as_str().unwrap_or_default();
    let verb = attributes["verb"].as_str().unwrap_or_default();
    let allowed = !user.is_empty() && access.allows(user, namespace, verb);
    review["status"] = json!({"allowed": allowed});
    json_response(StatusCode::CREATED, review)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cluster_wide_grant_covers_every_namespace_but_a_namespaced_one_only_its_own() {
        let table = AccessTable::default();
        table.allow("alice", "team-a", "get");
        table.allow("root", "", "get");
        assert!(table.allows("alice", "team-a", "get"));
        assert!(!table.allows("alice", "team-b", "get"));
        assert!(!table.allows("alice", "", "get"));
        assert!(!table.allows("alice", "team-a", "update"));
        assert!(table.allows("root", "team-b", "get"));
    }

    #[tokio::test]
    async fn reviews_answer_from_the_table() {
        let table = AccessTable::default();
        table.add_token("t-alice", "alice");
        table.allow("alice", "team-a", "get");
        let known = body(token_review(&table, json!({"spec": {"token": "t-alice"}}))).await;
        assert_eq!(known["status"]["authenticated"], json!(true));
        assert_eq!(known["status"]["user"]["username"], json!("alice"));
        let unknown = body(token_review(&table, json!({"spec": {"token": "x"}}))).await;
        assert_eq!(unknown["status"]["authenticated"], json!(false));
        let sar = |namespace| json!({"spec": {"user": "alice", "resourceAttributes": {"namespace": namespace, "verb": "get"}}});
        let allowed = body(access_review(&table, sar("team-a"))).await;
        assert_eq!(allowed["status"]["allowed"], json!(true));
        let refused = body(access_review(&table, sar("team-b"))).await;
        assert_eq!(refused["status"]["allowed"], json!(false));
    }

    async fn body(response: Response) -> Value {
        assert_eq!(response.status(), StatusCode::CREATED);
        let bytes = axum::body::to_bytes(response.into_body(), 1 << 20)
            .await
            .expect("an in-memory body reads");
        serde_json::from_slice(&bytes).expect("the reply is JSON")
    }
}
