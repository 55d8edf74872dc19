//! API access keys: `auth.enabled` turns on bearer-token authentication and
//! per-namespace authorisation of the query plane's REST and gRPC API
//! (TokenReview + SubjectAccessReview, see `guardian_kube::access`);
//! `auth.cache-ttl` bounds how long a decision is reused.

use clap::Args;
use guardian_kube::access::CacheSettings;

use crate::config::{ConfigError, duration};

#[derive(Debug, Clone, Args)]
pub struct AuthArgs {
    /// Require a Kubernetes bearer token and RBAC rights in the request's namespace
    /// (off by default and in `dev`; health, readiness and metrics stay open).
    #[arg(long, env = "GUARDIAN_AUTH_ENABLED", default_value_t = false, action = clap::ArgAction::Set)]
    pub auth_enabled: bool,
    /// How long an access decision is reused before the API server is asked again.
    #[arg(long, env = "GUARDIAN_AUTH_CACHE_TTL", default_value = "30s")]
    pub auth_cache_ttl: String,
}

impl AuthArgs {
    /// The decision cache's settings; `None` when auth is off.
    pub fn cache_settings(&self) -> Result<Option<CacheSettings>, ConfigError> {
        if !self.auth_enabled {
            return Ok(None);
        }
        Ok(Some(CacheSettings {
            ttl: duration("auth.cache-ttl", &self.auth_cache_ttl)?,
            ..CacheSettings::default()
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(enabled: bool, ttl: &str) -> AuthArgs {
        AuthArgs {
            auth_enabled: enabled,
            auth_cache_ttl: ttl.to_owned(),
        }
    }

    #[test]
    fn auth_off_needs_no_cache() {
        assert_eq!(
            args(false, "not a duration").cache_settings().ok(),
            Some(None)
        );
    }

    #[test]
    fn auth_on_reads_the_cache_ttl() {
        let settings = args(true, "45s").cache_settings().ok().flatten();
        assert_eq!(
            settings.map(|settings| settings.ttl),
            Some(std::time::Duration::from_secs(45))
        );
        assert!(args(true, "soon").cache_settings().is_err());
    }
}
