//! Outgoing e-mail.
//!
//! Three transports behind one type: SMTP in production, a folder of `.eml`
//! files in development (so that a developer can open every message the
//! platform sent without a mail server), and an in-memory mailbox that tests
//! read. Messages are plain text in French: they carry links, never personal
//! data beyond the recipient's own.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use lettre::message::header::{ContentType, Header, HeaderName, HeaderValue};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use tokio::sync::watch;

pub use lettre::message::Mailbox;

/// One message to send.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Envelope {
    pub to: String,
    pub subject: String,
    pub body: String,
    /// For a message of a mailing list (the newsletter): the address that
    /// unsubscribes the recipient in one click. It goes out as the
    /// `List-Unsubscribe` and `List-Unsubscribe-Post` headers (RFC 8058),
    /// so that mail clients offer their own « unsubscribe » button.
    pub list_unsubscribe: Option<String>,
}

/// The `List-Unsubscribe` header (RFC 2369): the address between angle
/// brackets.
#[derive(Clone, Debug)]
struct ListUnsubscribe(String);

impl Header for ListUnsubscribe {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("List-Unsubscribe")
    }

    fn parse(s: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(ListUnsubscribe(
            s.trim()
                .trim_start_matches('<')
                .trim_end_matches('>')
                .to_owned(),
        ))
    }

    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), format!("<{}>", self.0))
    }
}

/// The `List-Unsubscribe-Post` header (RFC 8058): the address above
/// unsubscribes by a POST, with no further step.
#[derive(Clone, Debug)]
struct ListUnsubscribePost;

impl Header for ListUnsubscribePost {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("List-Unsubscribe-Post")
    }

    fn parse(_: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(ListUnsubscribePost)
    }

    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), "List-Unsubscribe=One-Click".to_owned())
    }
}

/// A message that could not be sent, with the reason.
#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("adresse invalide « {0} »")]
    Address(String),
    #[error("message impossible à construire : {0}")]
    Build(String),
    #[error("envoi impossible : {0}")]
    Transport(String),
}

/// SMTP settings.
#[derive(Clone, Debug)]
pub struct SmtpSettings {
    pub host: String,
    pub port: u16,
    pub tls: SmtpSecurity,
    pub credentials: Option<(String, String)>,
}

/// Encryption of the SMTP connection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SmtpSecurity {
    Tls,
    Starttls,
    None,
}

/// Messages kept by the in-memory transport, shared with the test that
/// reads them. A watch channel holds them, so that a reader can wait for a
/// message instead of looking again and again.
#[derive(Clone, Debug)]
pub struct MemoryMailbox(Arc<watch::Sender<Vec<Envelope>>>);

impl Default for MemoryMailbox {
    fn default() -> MemoryMailbox {
        MemoryMailbox(Arc::new(watch::Sender::new(Vec::new())))
    }
}

impl MemoryMailbox {
    /// Every message sent so far, oldest first.
    pub fn messages(&self) -> Vec<Envelope> {
        self.0.borrow().clone()
    }

    /// The most recent message that `matches`, as soon as one is sent (or
    /// at once if one was); `None` if none came within `within`.
    pub async fn wait_for(
        &self,
        within: Duration,
        matches: impl Fn(&Envelope) -> bool,
    ) -> Option<Envelope> {
        let mut sent = self.0.subscribe();
        let found = tokio::time::timeout(
            within,
            sent.wait_for(|messages| messages.iter().any(&matches)),
        )
        .await
        .ok()?
        .ok()?;
        found.iter().rev().find(|m| matches(m)).cloned()
    }

    /// The most recent message sent to `to`.
    pub fn last_to(&self, to: &str) -> Option<Envelope> {
        self.messages()
            .into_iter()
            .rev()
            .find(|m| m.to.eq_ignore_ascii_case(to))
    }

    fn push(&self, envelope: Envelope) {
        self.0.send_modify(|messages| messages.push(envelope));
    }
}

#[derive(Clone)]
enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    File(AsyncFileTransport<Tokio1Executor>, PathBuf),
    Memory(MemoryMailbox),
}

/// Sends messages from one sender address.
#[derive(Clone)]
pub struct Mailer {
    from: Mailbox,
    transport: Transport,
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kind = match &self.transport {
            Transport::Smtp(_) => "smtp",
            Transport::File(..) => "file",
            Transport::Memory(_) => "memory",
        };
        f.debug_struct("Mailer")
            .field("from", &self.from.to_string())
            .field("transport", &kind)
            .finish()
    }
}

fn parse_from(from: &str) -> Result<Mailbox, MailError> {
    from.parse()
        .map_err(|_| MailError::Address(from.to_owned()))
}

impl Mailer {
    /// Through an SMTP server.
    pub fn smtp(from: &str, settings: &SmtpSettings) -> Result<Mailer, MailError> {
        let builder = match settings.tls {
            SmtpSecurity::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(&settings.host),
            SmtpSecurity::Starttls => {
                AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&settings.host)
            }
            SmtpSecurity::None => Ok(AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(
                &settings.host,
            )),
        }
        .map_err(|e| MailError::Transport(e.to_string()))?;
        let mut builder = builder
            .port(settings.port)
            .timeout(Some(std::time::Duration::from_secs(20)));
        if let Some((user, password)) = &settings.credentials {
            builder = builder.credentials(Credentials::new(user.clone(), password.clone()));
        }
        Ok(Mailer {
            from: parse_from(from)?,
            transport: Transport::Smtp(builder.build()),
        })
    }

    /// Into a folder, one `.eml` file per message (created if missing).
    pub fn file(from: &str, dir: PathBuf) -> Result<Mailer, MailError> {
        std::fs::create_dir_all(&dir)
            .map_err(|e| MailError::Transport(format!("{} : {e}", dir.display())))?;
        Ok(Mailer {
            from: parse_from(from)?,
            transport: Transport::File(AsyncFileTransport::new(&dir), dir),
        })
    }

    /// Into memory, for tests.
    pub fn memory(from: &str) -> Result<(Mailer, MemoryMailbox), MailError> {
        let mailbox = MemoryMailbox::default();
        Ok((
            Mailer {
                from: parse_from(from)?,
                transport: Transport::Memory(mailbox.clone()),
            },
            mailbox,
        ))
    }

    /// Sends one message.
    pub async fn send(&self, envelope: &Envelope) -> Result<(), MailError> {
        let to: Mailbox = envelope
            .to
            .parse()
            .map_err(|_| MailError::Address(envelope.to.clone()))?;
        let mut builder = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(envelope.subject.clone())
            .header(ContentType::TEXT_PLAIN);
        if let Some(url) = &envelope.list_unsubscribe {
            builder = builder
                .header(ListUnsubscribe(url.clone()))
                .header(ListUnsubscribePost);
        }
        let message = builder
            .body(envelope.body.clone())
            .map_err(|e| MailError::Build(e.to_string()))?;
        match &self.transport {
            Transport::Smtp(smtp) => {
                smtp.send(message)
                    .await
                    .map_err(|e| MailError::Transport(e.to_string()))?;
            }
            Transport::File(file, dir) => {
                let id = file
                    .send(message)
                    .await
                    .map_err(|e| MailError::Transport(e.to_string()))?;
                tracing::info!(to = %envelope.to, subject = %envelope.subject, file = %dir.join(format!("{id}.eml")).display(), "e-mail écrit dans le dossier de développement");
            }
            Transport::Memory(mailbox) => mailbox.push(envelope.clone()),
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn envelope() -> Envelope {
        Envelope {
            to: "lea@exemple.test".into(),
            subject: "Bienvenue".into(),
            body: "Bonjour Léa".into(),
            list_unsubscribe: None,
        }
    }

    #[tokio::test]
    async fn memory_keeps_messages() {
        let (mailer, mailbox) = Mailer::memory("Campus <campus@exemple.test>").unwrap();
        mailer.send(&envelope()).await.unwrap();
        assert_eq!(mailbox.last_to("LEA@exemple.test"), Some(envelope()));
    }

    #[tokio::test]
    async fn a_reader_waits_for_the_message_it_expects() {
        let (mailer, mailbox) = Mailer::memory("Campus <campus@exemple.test>").unwrap();
        let reader = mailbox.clone();
        let waiting = tokio::spawn(async move {
            reader
                .wait_for(Duration::from_secs(30), |m| m.subject == "Rappel")
                .await
        });
        mailer.send(&envelope()).await.unwrap();
        let reminder = Envelope {
            subject: "Rappel".into(),
            ..envelope()
        };
        mailer.send(&reminder).await.unwrap();
        assert_eq!(waiting.await.unwrap(), Some(reminder));
        // Nothing else to come: the wait ends at its bound.
        let none = mailbox
            .wait_for(Duration::from_millis(10), |m| m.subject == "Annulation")
            .await;
        assert_eq!(none, None);
    }

    #[tokio::test]
    async fn file_transport_writes_eml() {
        let dir = std::env::temp_dir().join(format!("campus-mail-{}", std::process::id()));
        let mailer = Mailer::file("Campus <campus@exemple.test>", dir.clone()).unwrap();
        mailer.send(&envelope()).await.unwrap();
        let files: Vec<_> = std::fs::read_dir(&dir).unwrap().collect();
        assert_eq!(files.len(), 1);
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[tokio::test]
    async fn a_list_message_carries_the_one_click_unsubscribe_headers() {
        let dir = std::env::temp_dir().join(format!("campus-mail-liste-{}", std::process::id()));
        let mailer = Mailer::file("Campus <campus@exemple.test>", dir.clone()).unwrap();
        let mut message = envelope();
        message.list_unsubscribe = Some("https://campus.test/lettre/desabonnement/1/abc".into());
        mailer.send(&message).await.unwrap();
        let file = std::fs::read_dir(&dir).unwrap().next().unwrap().unwrap();
        let eml = std::fs::read_to_string(file.path()).unwrap();
        std::fs::remove_dir_all(dir).unwrap();
        assert!(eml.contains("List-Unsubscribe: <https://campus.test/lettre/desabonnement/1/abc>"));
        assert!(eml.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"));
    }

    #[tokio::test]
    async fn bad_recipient_is_an_error() {
        let (mailer, _) = Mailer::memory("campus@exemple.test").unwrap();
        let mut bad = envelope();
        bad.to = "pas une adresse".into();
        assert!(matches!(
            mailer.send(&bad).await,
            Err(MailError::Address(_))
        ));
    }

    #[tokio::test]
    async fn unreachable_smtp_is_an_error_not_a_panic() {
        let settings = SmtpSettings {
            host: "127.0.0.1".into(),
            port: 1,
            tls: SmtpSecurity::None,
            credentials: None,
        };
        let mailer = Mailer::smtp("campus@exemple.test", &settings).unwrap();
        assert!(matches!(
            mailer.send(&envelope()).await,
            Err(MailError::Transport(_))
        ));
    }
}
