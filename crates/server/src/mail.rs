//! Sending e-mail (reminders of overdue reports, [`crate::supervision`]) over
//! SMTP with lettre's tokio transport: plain SMTP to a relay (`host:port`,
//! no TLS, no login), as a local relay or a test sink takes it.

use std::time::Duration;

use lettre::message::header::ContentType;
use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

/// Where and as whom mail is sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SmtpConfig {
    /// The relay's host name or address.
    pub host: String,
    /// Its port (25, or 2525 for a local test relay).
    pub port: u16,
    /// The sender address (`planwatch@plan.example`).
    pub from: String,
}

/// One plain-text message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mail {
    /// The recipient's address.
    pub to: String,
    /// Subject line.
    pub subject: String,
    /// Body (plain text, UTF-8).
    pub body: String,
}

/// Why a message was not sent.
#[derive(Debug, thiserror::Error)]
pub enum MailError {
    /// The sender or recipient is no address lettre accepts.
    #[error("bad address {address:?}: {reason}")]
    Address {
        /// The address.
        address: String,
        /// Why.
        reason: String,
    },
    /// The message could not be built.
    #[error("cannot build the message: {0}")]
    Build(String),
    /// The relay refused it or could not be reached.
    #[error("SMTP {host}:{port}: {reason}")]
    Smtp {
        /// Relay host.
        host: String,
        /// Relay port.
        port: u16,
        /// What went wrong.
        reason: String,
    },
}

fn mailbox(address: &str) -> Result<Mailbox, MailError> {
    address.parse::<Mailbox>().map_err(|e| MailError::Address {
        address: address.to_string(),
        reason: e.to_string(),
    })
}

/// Sends `mail` through the relay of `config` (30 s timeout).
pub async fn send(config: &SmtpConfig, mail: &Mail) -> Result<(), MailError> {
    let message = Message::builder()
        .from(mailbox(&config.from)?)
        .to(mailbox(&mail.to)?)
        .subject(mail.subject.clone())
        .header(ContentType::TEXT_PLAIN)
        .body(mail.body.clone())
        .map_err(|e| MailError::Build(e.to_string()))?;
    let transport = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(config.host.as_str())
        .port(config.port)
        .timeout(Some(Duration::from_secs(30)))
        .build();
    transport
        .send(message)
        .await
        .map(|_| ())
        .map_err(|e| MailError::Smtp {
            host: config.host.clone(),
            port: config.port,
            reason: e.to_string(),
        })
}
