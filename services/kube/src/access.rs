//! [`KubeAccessReview`]: the API's access check done the Kubernetes way
//! (kube-rbac-proxy style). A bearer token is checked with a TokenReview; the
//! user it names is checked with a SubjectAccessReview for the request's verb,
//! resource and namespace. Decisions are cached briefly ([`cache`]).
//!
//! The operator's service account needs `create` on `tokenreviews` and
//! `subjectaccessreviews` (the chart's ClusterRole grants it). Any failure to
//! ask (network, the API server refusing the operator) is UNAVAILABLE, never a
//! silent allow.

pub mod cache;

use std::sync::{Mutex, PoisonError};
use std::time::Instant;

use guardian_runtime::access::{AccessError, AccessRequest, AccessReview, ReviewFuture};
use k8s_openapi::api::authentication::v1::{TokenReview, TokenReviewSpec, UserInfo};
use k8s_openapi::api::authorization::v1::{
    ResourceAttributes, SubjectAccessReview, SubjectAccessReviewSpec,
};
use kube::Client;
use kube::api::{Api, PostParams};

pub use cache::{CacheSettings, DecisionCache};

/// Asks the Kubernetes API server, through a cache.
pub struct KubeAccessReview {
    client: Client,
    cache: Mutex<DecisionCache>,
}

impl KubeAccessReview {
    pub fn new(client: Client, settings: CacheSettings) -> KubeAccessReview {
        KubeAccessReview {
            client,
            cache: Mutex::new(DecisionCache::new(settings)),
        }
    }

    async fn decide(&self, token: &str, request: &AccessRequest) -> Result<(), AccessError> {
        // A poisoned lock only means another call panicked mid-update; the map is still sound.
        let cached = self
            .cache
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(token, request, Instant::now());
        if let Some(decision) = cached {
            return decision;
        }
        let decision = match self.authenticate(token).await {
            Ok(user) => self.authorize(&user, request).await,
            Err(error) => Err(error),
        };
        self.cache
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .put(token, request, &decision, Instant::now());
        decision
    }

    async fn authenticate(&self, token: &str) -> Result<UserInfo, AccessError> {
        let review = TokenReview {
            spec: TokenReviewSpec {
                token: Some(token.to_owned()),
                ..TokenReviewSpec::default()
            },
            ..TokenReview::default()
        };
        let answer = Api::<TokenReview>::all(self.client.clone())
            .create(&PostParams::default(), &review)
            .await
            .map_err(|error| unavailable("TokenReview", &error))?;
        let status = answer.status.unwrap_or_default();
        match (status.authenticated, status.user) {
            (Some(true), Some(user)) if user.username.is_some() => Ok(user),
            _ => Err(AccessError::Unauthenticated(
                status
                    .error
                    .unwrap_or_else(|| "token not accepted".to_owned()),
            )),
        }
    }

    async fn authorize(&self, user: &UserInfo, request: &AccessRequest) -> Result<(), AccessError> {
        let username = user.username.clone().unwrap_or_default();
        let review = SubjectAccessReview {
            spec: SubjectAccessReviewSpec {
                user: Some(username.clone()),
                groups: user.groups.clone(),
                uid: user.uid.clone(),
                extra: user.extra.clone(),
                resource_attributes: Some(ResourceAttributes {
                    namespace: (!request.namespace.is_empty()).then(|| request.namespace.clone()),
                    verb: Some(request.verb.to_owned()),
                    group: Some(request.group.to_owned()),
                    resource: Some(request.resource.to_owned()),
                    ..ResourceAttributes::default()
                }),
                ..SubjectAccessReviewSpec::default()
            },
            ..SubjectAccessReview::default()
        };
        let answer = Api::<SubjectAccessReview>::all(self.client.clone())
            .create(&PostParams::default(), &review)
            .await
            .map_err(|error| unavailable("SubjectAccessReview", &error))?;
        let status = answer.status.unwrap_or_default();
        if status.allowed {
            return Ok(());
        }
        let scope = if request.namespace.is_empty() {
            "cluster-wide".to_owned()
        } else {
            format!("in namespace {}", request.namespace)
        };
        Err(AccessError::Denied(format!(
            "user {username} may not {} {}.{} {scope}",
            request.verb, request.resource, request.group
        )))
    }
}

impl AccessReview for KubeAccessReview {
    fn review<'a>(&'a self, token: &'a str, request: &'a AccessRequest) -> ReviewFuture<'a> {
        Box::pin(self.decide(token, request))
    }
}

fn unavailable(review: &str, error: &kube::Error) -> AccessError {
    tracing::warn!(%error, review, "cannot ask the Kubernetes API server");
    AccessError::Unavailable(format!("cannot create a {review}"))
}
