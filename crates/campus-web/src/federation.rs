//! The identity providers this node signs people in with (ProConnect for
//! professionals, ÉduConnect for pupils and parents), as configured, and
//! their discovered clients, kept for an hour: a provider rotates its keys,
//! so the discovery is read again rather than kept for the node's life.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use campus_domain::Role;
use tokio::sync::Mutex;

use crate::config::{Config, OidcProviderConfig};
use crate::oidc::{OidcError, Provider};

/// How long a discovered provider is used before it is discovered again.
const REDISCOVER_AFTER: Duration = Duration::from_secs(3600);

/// A provider of federated sign-in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IdentityProvider {
    ProConnect,
    EduConnect,
}

impl IdentityProvider {
    pub const ALL: [IdentityProvider; 2] =
        [IdentityProvider::ProConnect, IdentityProvider::EduConnect];

    /// Its name in addresses and in the database.
    pub fn slug(self) -> &'static str {
        match self {
            IdentityProvider::ProConnect => "proconnect",
            IdentityProvider::EduConnect => "educonnect",
        }
    }

    pub fn parse(slug: &str) -> Option<IdentityProvider> {
        IdentityProvider::ALL.into_iter().find(|f| f.slug() == slug)
    }

    /// Its name as people know it.
    pub fn label(self) -> &'static str {
        match self {
            IdentityProvider::ProConnect => "ProConnect",
            IdentityProvider::EduConnect => "ÉduConnect",
        }
    }

    /// Scopes asked besides `openid`: ProConnect's own claim scopes, the
    /// standard ones for ÉduConnect.
    pub fn scopes(self) -> &'static [&'static str] {
        match self {
            IdentityProvider::ProConnect => &["email", "given_name", "usual_name", "uid", "siret"],
            IdentityProvider::EduConnect => &["email", "profile"],
        }
    }

    /// ProConnect answers userinfo as a signed JWT; anything else from it
    /// is refused.
    fn signed_userinfo(self) -> bool {
        self == IdentityProvider::ProConnect
    }

    /// Whether the provider's address can be trusted without its
    /// `email_verified` claim: ProConnect's identity providers only give out
    /// addresses they verified, and ProConnect sends no such claim.
    pub fn trusts_email(self) -> bool {
        self == IdentityProvider::ProConnect
    }

    /// The role of an account created at a first sign-in: a professional
    /// of the network (the campus team then adjusts the role and adds the
    /// person to their organisation), a pupil or a parent.
    pub fn role(self) -> Role {
        match self {
            IdentityProvider::ProConnect => Role::Partenaire,
            IdentityProvider::EduConnect => Role::Apprenant,
        }
    }

    fn config(self, config: &Config) -> Option<&OidcProviderConfig> {
        match self {
            IdentityProvider::ProConnect => config.oidc.proconnect.as_ref(),
            IdentityProvider::EduConnect => config.oidc.educonnect.as_ref(),
        }
    }
}

/// The configured providers of this node and their discovered clients.
pub struct Federation {
    configured: Vec<(IdentityProvider, OidcProviderConfig, String)>,
    discovered: Mutex<HashMap<IdentityProvider, (Instant, Provider)>>,
}

impl Federation {
    pub fn new(config: &Config) -> Federation {
        let base = config.server.public_url.trim_end_matches('/');
        let configured = IdentityProvider::ALL
            .into_iter()
            .filter_map(|f| {
                f.config(config).map(|c| {
                    let redirect = format!("{base}/connexion/{}/retour", f.slug());
                    (f, c.clone(), redirect)
                })
            })
            .collect();
        Federation {
            configured,
            discovered: Mutex::new(HashMap::new()),
        }
    }

    /// The providers whose button the sign-in page shows.
    pub fn configured(&self) -> Vec<IdentityProvider> {
        self.configured.iter().map(|(f, _, _)| *f).collect()
    }

    pub fn is_configured(&self, fournisseur: IdentityProvider) -> bool {
        self.configured.iter().any(|(f, _, _)| *f == fournisseur)
    }

    /// The discovered client of `fournisseur`: the one of the last hour, or
    /// discovered now. A provider that cannot be reached is tried again at
    /// the next sign-in.
    pub async fn provider(&self, fournisseur: IdentityProvider) -> Result<Provider, OidcError> {
        let Some((_, config, redirect)) =
            self.configured.iter().find(|(f, _, _)| *f == fournisseur)
        else {
            return Err(OidcError::Config(format!(
                "{} n'est pas configuré",
                fournisseur.slug()
            )));
        };
        let mut discovered = self.discovered.lock().await;
        if let Some((at, provider)) = discovered.get(&fournisseur)
            && at.elapsed() < REDISCOVER_AFTER
        {
            return Ok(provider.clone());
        }
        let mut provider = Provider::discover(
            &config.issuer,
            &config.client_id,
            &config.client_secret,
            redirect,
        )
        .await?;
        if fournisseur.signed_userinfo() {
            provider = provider.with_signed_userinfo();
        }
        discovered.insert(fournisseur, (Instant::now(), provider.clone()));
        Ok(provider)
    }
}
