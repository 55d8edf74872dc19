//! SMTP connection settings, from the AlertChannel's SMTP Secret (keys `host`, `port`,
//! `username`, `password`, as in the Go operator; optionally `tls` and `ca.crt`), and the
//! lettre transport built from them.

use std::collections::BTreeMap;
use std::time::Duration;

use lettre::transport::smtp::authentication::{Credentials, Mechanism};
use lettre::transport::smtp::client::{Certificate, Tls, TlsParameters};
use lettre::{AsyncSmtpTransport, Tokio1Executor};

use crate::error::ConfigError;
use crate::secret::SecretString;

/// How the connection is secured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SmtpSecurity {
    /// Plain connection upgraded with STARTTLS, which must succeed (port 587; default).
    StartTls,
    /// TLS from the first byte (port 465).
    Tls,
    /// No encryption at all; only when the Secret says `tls: none` explicitly.
    None,
}

/// Where and how to reach the SMTP server.
#[derive(Clone, PartialEq, Eq)]
pub struct SmtpSettings {
    pub host: String,
    pub port: u16,
    pub username: Option<String>,
    pub password: Option<SecretString>,
    pub security: SmtpSecurity,
    /// Extra CA certificates (PEM) to trust besides the system's, e.g. a private CA.
    pub extra_root_pem: Option<Vec<u8>>,
}

impl std::fmt::Debug for SmtpSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmtpSettings")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("username", &self.username)
            .field("password", &self.password)
            .field("security", &self.security)
            .field("extra_root_pem", &self.extra_root_pem.is_some())
            .finish()
    }
}

impl SmtpSettings {
    /// Reads the SMTP Secret's data. `host` is required; `port` defaults to 587 (STARTTLS);
    /// port 465 defaults to implicit TLS; `tls` may say `starttls`, `tls` or `none`;
    /// `username` and `password` enable authentication when both are present.
    pub fn from_secret_data(data: &BTreeMap<String, Vec<u8>>) -> Result<Self, ConfigError> {
        let text = |key: &str| -> Result<Option<String>, ConfigError> {
            data.get(key)
                .map(|bytes| {
                    String::from_utf8(bytes.clone())
                        .map(|value| value.trim().to_owned())
                        .map_err(|_| secret_error(format!("key {key:?} is not UTF-8")))
                })
                .transpose()
                .map(|value| value.filter(|value| !value.is_empty()))
        };
        let host = text("host")?.ok_or_else(|| secret_error("missing key \"host\"".to_owned()))?;
        let port = match text("port")? {
            None => 587,
            Some(port) => port
                .parse()
                .map_err(|_| secret_error(format!("port {port:?} is not a port number")))?,
        };
        let security = match text("tls")?
            .as_deref()
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            None if port == 465 => SmtpSecurity::Tls,
            None | Some("starttls") => SmtpSecurity::StartTls,
            Some("tls" | "ssl" | "smtps") => SmtpSecurity::Tls,
            Some("none") => SmtpSecurity::None,
            Some(other) => {
                return Err(secret_error(format!(
                    "tls {other:?} (use starttls, tls or none)"
                )));
            }
        };
        Ok(Self {
            host,
            port,
            username: text("username")?,
            // A password is kept as given: leading or trailing spaces may be part of it.
            password: data
                .get("password")
                .map(|bytes| SecretString::new(String::from_utf8_lossy(bytes).into_owned())),
            security,
            extra_root_pem: data.get("ca.crt").cloned(),
        })
    }

    /// The lettre transport; `timeout` bounds each network operation.
    pub(super) fn transport(
        &self,
        timeout: Duration,
    ) -> Result<AsyncSmtpTransport<Tokio1Executor>, ConfigError> {
        let tls = match self.security {
            SmtpSecurity::None => Tls::None,
            SmtpSecurity::StartTls => Tls::Required(self.tls_parameters()?),
            SmtpSecurity::Tls => Tls::Wrapper(self.tls_parameters()?),
        };
        let mut builder =
            AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(self.host.clone())
                .port(self.port)
                .tls(tls)
                .timeout(Some(timeout));
        if let (Some(username), Some(password)) = (&self.username, &self.password) {
            builder = builder
                .credentials(Credentials::new(
                    username.clone(),
                    password.expose().to_owned(),
                ))
                .authentication(vec![Mechanism::Plain, Mechanism::Login]);
        }
        Ok(builder.build())
    }

    fn tls_parameters(&self) -> Result<TlsParameters, ConfigError> {
        let tls_error = |error: lettre::transport::smtp::Error| ConfigError::Tls {
            message: error.to_string(),
        };
        let mut builder = TlsParameters::builder(self.host.clone());
        if let Some(pem) = &self.extra_root_pem {
            builder = builder.add_root_certificate(Certificate::from_pem(pem).map_err(tls_error)?);
        }
        builder.build_rustls().map_err(tls_error)
    }
}

fn secret_error(message: String) -> ConfigError {
    ConfigError::SmtpSecret { message }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data(pairs: &[(&str, &str)]) -> BTreeMap<String, Vec<u8>> {
        pairs
            .iter()
            .map(|(key, value)| ((*key).to_owned(), value.as_bytes().to_vec()))
            .collect()
    }

    #[test]
    fn secret_defaults_to_starttls_on_587_and_tls_on_465() {
        let settings = SmtpSettings::from_secret_data(&data(&[("host", "smtp.example")]))
            .expect("host is enough");
        assert_eq!(
            (settings.port, settings.security),
            (587, SmtpSecurity::StartTls)
        );
        assert_eq!(settings.username, None);
        let implicit = SmtpSettings::from_secret_data(&data(&[("host", "h"), ("port", "465")]))
            .expect("valid");
        assert_eq!(implicit.security, SmtpSecurity::Tls);
    }

    #[test]
    fn secret_errors_name_the_key_but_not_the_password() {
        let missing = SmtpSettings::from_secret_data(&data(&[("password", "hunter2")]))
            .expect_err("host is required");
        assert_eq!(missing.to_string(), "SMTP secret: missing key \"host\"");
        let bad = SmtpSettings::from_secret_data(&data(&[("host", "h"), ("tls", "maybe")]))
            .expect_err("unknown tls mode");
        assert!(bad.to_string().contains("maybe"));
        let settings = SmtpSettings::from_secret_data(&data(&[
            ("host", "h"),
            ("username", "u"),
            ("password", "hunter2"),
        ]))
        .expect("valid");
        assert!(!format!("{settings:?}").contains("hunter2"));
    }
}
