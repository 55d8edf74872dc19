//! Secret values (webhook URLs, routing keys, passwords) that must never reach a log, a
//! `Debug` dump or an error message.

use std::fmt;

/// A string that is shown as `[redacted]` by `Debug` and `Display`.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct SecretString(String);

impl SecretString {
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The secret itself, for the one place that must send it.
    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl From<String> for SecretString {
    fn from(value: String) -> Self {
        Self(value)
    }
}

impl From<&str> for SecretString {
    fn from(value: &str) -> Self {
        Self(value.to_owned())
    }
}

impl fmt::Debug for SecretString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SecretString([redacted])")
    }
}

impl fmt::Display for SecretString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

/// Shortest secret worth masking: shorter ones would mask ordinary words.
const MIN_SECRET_LEN: usize = 4;

/// `text` with every occurrence of each secret replaced by `[redacted]`.
pub(crate) fn redact(text: &str, secrets: &[&str]) -> String {
    let mut masked = text.to_owned();
    let mut longest_first: Vec<&str> = secrets
        .iter()
        .copied()
        .filter(|secret| secret.len() >= MIN_SECRET_LEN)
        .collect();
    longest_first.sort_by_key(|secret| std::cmp::Reverse(secret.len()));
    for secret in longest_first {
        masked = masked.replace(secret, "[redacted]");
    }
    masked
}

/// The parts of a URL that are secret: the whole URL and its path with query (a Slack
/// webhook's token is its path), so an error quoting either is masked.
pub(crate) fn url_secrets(url: &http::Uri) -> Vec<String> {
    let mut secrets = vec![url.to_string()];
    if let Some(path) = url.path_and_query().map(|path| path.as_str())
        && path.len() > 1
    {
        secrets.push(path.to_owned());
    }
    secrets
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_and_display_never_show_the_secret() {
        let secret = SecretString::new("hunter2-routing-key");
        assert!(!format!("{secret:?}").contains("hunter2"));
        assert!(!format!("{secret}").contains("hunter2"));
        assert_eq!(secret.expose(), "hunter2-routing-key");
    }

    #[test]
    fn redact_masks_every_secret_and_keeps_the_rest() {
        let text = "POST https://hooks.example/services/T1/B2/xyz failed: /services/T1/B2/xyz";
        let url: http::Uri = "https://hooks.example/services/T1/B2/xyz"
            .parse()
            .expect("test URL is valid");
        let secrets = url_secrets(&url);
        let refs: Vec<&str> = secrets.iter().map(String::as_str).collect();
        let masked = redact(text, &refs);
        assert_eq!(masked, "POST [redacted] failed: [redacted]");
    }

    #[test]
    fn redact_ignores_tiny_secrets_that_would_mask_words() {
        assert_eq!(redact("a b c", &["a", ""]), "a b c");
    }
}
