//! E-mail over SMTP with lettre (rustls, ring): STARTTLS (or implicit TLS) and PLAIN/LOGIN
//! authentication, a plain-text and an HTML part, subject and body from the channel's
//! templates or the defaults in [`body`].
//!
//! SMTP offers no idempotency key; the Message-ID is derived from the delivery id so a
//! retried message is recognisable as the same one, and `X-Guardian-Alert-Key` carries
//! the alert key for filtering.

mod body;
mod settings;

use std::time::Duration;

use lettre::message::header::{Header, HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::Notifier;
use crate::channel::ChannelType;
use crate::error::{ConfigError, Delivery, SendError};
use crate::notification::Notification;
use crate::template::{Template, notification_data};

pub use settings::{SmtpSecurity, SmtpSettings};

/// `spec.email` with the SMTP Secret's data read into [`SmtpSettings`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmailTarget {
    pub smtp: SmtpSettings,
    pub from: String,
    pub to: Vec<String>,
    pub subject_template: Option<String>,
    pub body_template: Option<String>,
}

/// Sends alert e-mails.
pub struct EmailNotifier {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    to: Vec<Mailbox>,
    subject: Option<Template>,
    body: Option<Template>,
    secrets: Vec<String>,
    timeout: Duration,
}

impl std::fmt::Debug for EmailNotifier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EmailNotifier")
            .field("from", &self.from.to_string())
            .field("to", &self.to.len())
            .field("custom_subject", &self.subject.is_some())
            .field("custom_body", &self.body.is_some())
            .finish_non_exhaustive()
    }
}

impl EmailNotifier {
    pub fn new(target: EmailTarget, timeout: Duration) -> Result<Self, ConfigError> {
        let mailbox = |field: &'static str, address: &str| {
            address
                .trim()
                .parse::<Mailbox>()
                .map_err(|_| ConfigError::InvalidAddress {
                    field,
                    address: address.to_owned(),
                })
        };
        let from = mailbox("spec.email.from", &target.from)?;
        let to = target
            .to
            .iter()
            .map(|address| mailbox("spec.email.to", address))
            .collect::<Result<Vec<_>, _>>()?;
        if to.is_empty() {
            return Err(ConfigError::Empty {
                field: "spec.email.to",
            });
        }
        let compile = |field, source: Option<&str>| {
            source
                .filter(|source| !source.trim().is_empty())
                .map(|source| crate::template::compile(field, source, false))
                .transpose()
        };
        let subject = compile(
            "spec.email.subjectTemplate",
            target.subject_template.as_deref(),
        )?;
        let body = compile("spec.email.bodyTemplate", target.body_template.as_deref())?;
        let secrets = target
            .smtp
            .password
            .iter()
            .map(|password| password.expose().to_owned())
            .collect();
        Ok(Self {
            transport: target.smtp.transport(timeout)?,
            from,
            to,
            subject,
            body,
            secrets,
            timeout,
        })
    }

    fn message(&self, notification: &Notification) -> Result<Message, SendError> {
        let data = notification_data(notification);
        let render = |template: &Template, what: &str| {
            template
                .render_text(&data)
                .map_err(|error| SendError::permanent(format!("{what}: {error}")))
        };
        let subject = match &self.subject {
            Some(template) => render(template, "subjectTemplate")?,
            None => body::default_subject(notification),
        };
        let (text, html) = match &self.body {
            Some(template) => {
                let text = render(template, "bodyTemplate")?;
                let html = body::preformatted_html(&text);
                (text, html)
            }
            None => (
                body::default_text(notification),
                body::default_html(notification),
            ),
        };
        let mut builder = Message::builder()
            .from(self.from.clone())
            // Header values cannot hold line breaks; a template may produce them.
            .subject(subject.replace(['\r', '\n'], " "))
            .message_id(Some(body::message_id(notification)))
            .header(AlertKeyHeader(notification.key.clone()));
        for recipient in &self.to {
            builder = builder.to(recipient.clone());
        }
        builder
            .multipart(MultiPart::alternative_plain_html(text, html))
            .map_err(|error| SendError::permanent(format!("cannot build the e-mail: {error}")))
    }

    async fn deliver(&self, notification: &Notification) -> Result<Delivery, SendError> {
        let message = self.message(notification)?;
        let sent = tokio::time::timeout(self.timeout, self.transport.send(message)).await;
        match sent {
            Err(_) => Err(SendError::uncertain(format!(
                "no answer from the SMTP server within {:?}; the e-mail may have been accepted",
                self.timeout
            ))),
            Ok(Err(error)) => Err(classify(&error)),
            Ok(Ok(response)) => Ok(Delivery {
                code: u16::from(response.code()),
                remote_id: response.message().next().map(str::to_owned),
            }),
        }
    }
}

#[async_trait::async_trait]
impl Notifier for EmailNotifier {
    fn channel_type(&self) -> ChannelType {
        ChannelType::Email
    }

    async fn send(&self, notification: &Notification) -> Result<Delivery, SendError> {
        let secrets: Vec<&str> = self.secrets.iter().map(String::as_str).collect();
        self.deliver(notification)
            .await
            .map_err(|error| error.redacted(&secrets))
    }
}

/// SMTP 4xx and failures to connect (TLS included) certainly delivered nothing; 5xx is
/// final; a network error mid-session or a timeout may have come after the server took
/// the message.
fn classify(error: &lettre::transport::smtp::Error) -> SendError {
    let reason = format!("SMTP: {error}");
    if error.is_permanent() || error.is_client() {
        SendError::Permanent {
            reason,
            status: error.status().map(u16::from),
        }
    } else if error.is_transient() || error.is_tls() || is_connection_error(error) {
        SendError::not_delivered(reason)
    } else {
        SendError::uncertain(reason)
    }
}

/// lettre reports failures to connect as "Connection error" and offers no predicate for
/// them; the e-mail tests pin this against a refused connection.
fn is_connection_error(error: &lettre::transport::smtp::Error) -> bool {
    error.to_string().starts_with("Connection error")
}

/// `X-Guardian-Alert-Key`: the alert key, for mail filters.
#[derive(Debug, Clone)]
struct AlertKeyHeader(String);

impl Header for AlertKeyHeader {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("X-Guardian-Alert-Key")
    }

    fn parse(text: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(Self(text.to_owned()))
    }

    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), self.0.clone())
    }
}
