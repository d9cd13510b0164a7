//! OpenID Connect relying party for federated sign-in (ProConnect, EduConnect).
//!
//! A thin layer over the `openidconnect` crate that fixes the choices this
//! platform makes once, so that each login route only has to call
//! [`Provider::authorize`] and [`Provider::finish`]:
//!
//! * authorization-code flow with PKCE (S256), a `state` and a `nonce` of 32
//!   random bytes each, all kept server-side in [`Pending`];
//! * ID token checked for signature (asymmetric algorithms announced by the
//!   provider), issuer, audience, expiry, nonce and `at_hash`;
//! * userinfo read as plain JSON or as a signed JWT (ProConnect), the JWT being
//!   verified with the provider's keys;
//! * the HTTP client never follows redirects (SSRF guidance of the
//!   `openidconnect` documentation) and gives up after [`HTTP_TIMEOUT`].
//!
//! The provider's keys are read once by [`Provider::discover`]. Providers rotate
//! their keys from time to time: keep a [`Provider`] for a bounded time (an hour,
//! say) and discover again rather than keeping it for the life of the process.

use std::time::Duration;

use openidconnect::core::{
    CoreAuthenticationFlow, CoreClient, CoreClientAuthMethod, CoreGenderClaim, CoreIdToken,
    CoreJweContentEncryptionAlgorithm, CoreJwsSigningAlgorithm,
};
use openidconnect::{
    AccessTokenHash, AdditionalClaims, AuthType, AuthorizationCode, ClientId, ClientSecret,
    CsrfToken, EndSessionUrl, EndpointMaybeSet, EndpointNotSet, EndpointSet, IdToken, IssuerUrl,
    LogoutRequest, Nonce, OAuth2TokenResponse, PkceCodeChallenge, PkceCodeVerifier,
    PostLogoutRedirectUrl, ProviderMetadataWithLogout, RedirectUrl, RequestTokenError, Scope,
    TokenResponse, UserInfoClaims, UserInfoError,
};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// Upper bound for any request to an identity provider (discovery, keys,
/// token, userinfo), so that a slow provider cannot hold a login request.
pub const HTTP_TIMEOUT: Duration = Duration::from_secs(10);

/// Random bytes behind `state` and `nonce` (43 characters once encoded).
const RANDOM_BYTES: u32 = 32;

/// Protocol claims of the ID token that userinfo must not override when both
/// are merged into [`Identity::claims`].
const PROTOCOL_CLAIMS: &[&str] = &[
    "iss",
    "aud",
    "exp",
    "iat",
    "nbf",
    "jti",
    "nonce",
    "azp",
    "at_hash",
    "c_hash",
    "auth_time",
    "acr",
    "amr",
    "sid",
];

/// Errors of the sign-in flow.
///
/// `Display` is a French sentence fit for the user and carries no technical
/// detail; the detail (provider error code, transport error...) is in
/// [`OidcError::detail`] and in `Debug`, for the logs.
#[derive(Debug, thiserror::Error)]
pub enum OidcError {
    /// A parameter given by our own configuration is not valid.
    #[error("La connexion avec ce fournisseur d'identité est mal configurée.")]
    Config(String),
    /// The provider could not be reached (connection refused, timeout, TLS).
    #[error("Le fournisseur d'identité est injoignable. Réessayez dans quelques instants.")]
    Unreachable(String),
    /// The discovery document or the key set is unusable.
    #[error("Le fournisseur d'identité a une configuration inutilisable.")]
    Discovery(String),
    /// The `state` returned to the callback is not the one we sent.
    #[error(
        "La réponse du fournisseur d'identité ne correspond à aucune demande de connexion en cours. Recommencez la connexion."
    )]
    StateMismatch,
    /// The provider refused to exchange the code (expired, replayed, bad
    /// client credentials or PKCE verifier).
    #[error(
        "Le fournisseur d'identité a refusé de finaliser la connexion. Recommencez la connexion."
    )]
    Token(String),
    /// The ID token is missing or fails verification.
    #[error("Le jeton d'identité reçu est invalide.")]
    IdToken(String),
    /// The userinfo response is unusable or fails verification.
    #[error("Les informations d'identité reçues sont invalides.")]
    Userinfo(String),
}

impl OidcError {
    /// Technical detail for the logs (`None` for [`OidcError::StateMismatch`]).
    pub fn detail(&self) -> Option<&str> {
        match self {
            OidcError::Config(d)
            | OidcError::Unreachable(d)
            | OidcError::Discovery(d)
            | OidcError::Token(d)
            | OidcError::IdToken(d)
            | OidcError::Userinfo(d) => Some(d),
            OidcError::StateMismatch => None,
        }
    }
}

/// What must be kept server-side between [`Provider::authorize`] and
/// [`Provider::finish`]; serialisable so that it can live in the session table.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct Pending {
    pub state: String,
    pub nonce: String,
    pub pkce_verifier: String,
}

/// The signed-in person as told by the provider.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Identity {
    /// Issuer URL; with `subject`, the stable key of the account.
    pub issuer: String,
    /// `sub` claim: stable per provider (and per client for pairwise ones).
    pub subject: String,
    pub email: Option<String>,
    /// The `email_verified` claim, `false` when absent. ProConnect never sends
    /// it although its identity providers only hand out verified addresses:
    /// whether to trust an address is the caller's decision, per provider.
    pub email_verified: bool,
    pub given_name: Option<String>,
    /// `family_name`, or ProConnect's `usual_name` when `family_name` is absent.
    pub family_name: Option<String>,
    /// Every claim of the ID token and of userinfo (userinfo wins, except for
    /// protocol claims such as `iss`, `aud`, `exp`, `nonce`).
    pub claims: Map<String, Value>,
    /// The raw ID token, needed later as `id_token_hint` for logout.
    pub id_token: String,
}

/// Collects the claims that `openidconnect` does not model (e.g. `usual_name`,
/// `siret`, `uid`) so that none is lost.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(transparent)]
struct OtherClaims(Map<String, Value>);
impl AdditionalClaims for OtherClaims {}

type FullIdToken = IdToken<
    OtherClaims,
    CoreGenderClaim,
    CoreJweContentEncryptionAlgorithm,
    CoreJwsSigningAlgorithm,
>;

/// Client as built from discovery: authorisation endpoint always present,
/// token and userinfo endpoints present if the provider announces them.
type DiscoveredClient = CoreClient<
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointMaybeSet,
    EndpointMaybeSet,
>;

/// One configured identity provider (discovered metadata and our client).
#[derive(Clone, Debug)]
pub struct Provider {
    issuer: String,
    client: DiscoveredClient,
    http: reqwest::Client,
    end_session: Option<EndSessionUrl>,
    id_token_algs: Vec<CoreJwsSigningAlgorithm>,
    require_signed_userinfo: bool,
}

impl Provider {
    /// Reads the issuer's discovery document and its key set (two HTTP
    /// requests), and prepares the client.
    ///
    /// The token endpoint authentication is `client_secret_basic` when the
    /// provider supports it (or does not say, as the specification defaults to
    /// it), `client_secret_post` otherwise.
    pub async fn discover(
        issuer: &str,
        client_id: &str,
        client_secret: &str,
        redirect_uri: &str,
    ) -> Result<Provider, OidcError> {
        let issuer_url = IssuerUrl::new(issuer.to_string())
            .map_err(|e| OidcError::Config(format!("issuer {issuer:?}: {e}")))?;
        let redirect_url = RedirectUrl::new(redirect_uri.to_string())
            .map_err(|e| OidcError::Config(format!("redirect_uri {redirect_uri:?}: {e}")))?;
        let http = http_client()?;

        let metadata = ProviderMetadataWithLogout::discover_async(issuer_url, &http)
            .await
            .map_err(|e| match e {
                openidconnect::DiscoveryError::Request(e) => {
                    OidcError::Unreachable(error_chain(&e))
                }
                other => OidcError::Discovery(error_chain(&other)),
            })?;

        let auth_type = match metadata.token_endpoint_auth_methods_supported() {
            None => AuthType::BasicAuth,
            Some(methods) if methods.contains(&CoreClientAuthMethod::ClientSecretBasic) => {
                AuthType::BasicAuth
            }
            Some(methods) if methods.contains(&CoreClientAuthMethod::ClientSecretPost) => {
                AuthType::RequestBody
            }
            Some(_) => {
                return Err(OidcError::Discovery(
                    "token endpoint accepts neither client_secret_basic nor client_secret_post"
                        .into(),
                ));
            }
        };

        // Only asymmetric algorithms: HS* would use the client secret as the
        // key, and `none` would mean no signature at all.
        let id_token_algs: Vec<CoreJwsSigningAlgorithm> = metadata
            .id_token_signing_alg_values_supported()
            .iter()
            .filter(|alg| {
                matches!(
                    alg,
                    CoreJwsSigningAlgorithm::RsaSsaPkcs1V15Sha256
                        | CoreJwsSigningAlgorithm::RsaSsaPkcs1V15Sha384
                        | CoreJwsSigningAlgorithm::RsaSsaPkcs1V15Sha512
                        | CoreJwsSigningAlgorithm::RsaSsaPssSha256
                        | CoreJwsSigningAlgorithm::RsaSsaPssSha384
                        | CoreJwsSigningAlgorithm::RsaSsaPssSha512
                        | CoreJwsSigningAlgorithm::EcdsaP256Sha256
                        | CoreJwsSigningAlgorithm::EcdsaP384Sha384
                        | CoreJwsSigningAlgorithm::EdDsa
                )
            })
            .cloned()
            .collect();
        if id_token_algs.is_empty() {
            return Err(OidcError::Discovery(
                "no asymmetric ID token signing algorithm announced".into(),
            ));
        }

        let end_session = metadata.additional_metadata().end_session_endpoint.clone();
        let client = CoreClient::from_provider_metadata(
            metadata,
            ClientId::new(client_id.to_string()),
            Some(ClientSecret::new(client_secret.to_string())),
        )
        .set_redirect_uri(redirect_url)
        .set_auth_type(auth_type);

        Ok(Provider {
            issuer: issuer.to_string(),
            client,
            http,
            end_session,
            id_token_algs,
            require_signed_userinfo: false,
        })
    }

    /// Refuses userinfo answered as plain JSON. Use it for a provider whose
    /// client is registered with `userinfo_signed_response_alg` (ProConnect),
    /// so that an unsigned answer cannot be slipped in.
    ///
    /// Note: `openidconnect` 4.1 verifies signed userinfo with RS256 only.
    pub fn with_signed_userinfo(mut self) -> Self {
        self.require_signed_userinfo = true;
        self
    }

    /// The issuer URL this provider was discovered from.
    pub fn issuer(&self) -> &str {
        &self.issuer
    }

    /// Authorisation URL to redirect the browser to, plus what must be kept
    /// server-side until the callback. `scopes` are requested besides `openid`
    /// (e.g. ProConnect: `email given_name usual_name siret uid`).
    pub fn authorize(&self, scopes: &[&str]) -> (url::Url, Pending) {
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let mut request = self
            .client
            .authorize_url(
                CoreAuthenticationFlow::AuthorizationCode,
                || CsrfToken::new_random_len(RANDOM_BYTES),
                || Nonce::new_random_len(RANDOM_BYTES),
            )
            .set_pkce_challenge(challenge);
        for scope in scopes.iter().filter(|s| !s.is_empty() && **s != "openid") {
            request = request.add_scope(Scope::new((*scope).to_string()));
        }
        let (url, state, nonce) = request.url();
        let pending = Pending {
            state: state.secret().clone(),
            nonce: nonce.secret().clone(),
            pkce_verifier: verifier.secret().clone(),
        };
        (url, pending)
    }

    /// Completes the callback: checks the returned `state` against `pending`
    /// (constant time), exchanges the code (with the PKCE verifier), verifies
    /// the ID token (signature, issuer, audience, expiry, nonce, `at_hash`),
    /// reads userinfo when the provider has the endpoint, and returns the
    /// identity.
    ///
    /// The caller handles an `error` parameter of the callback (e.g.
    /// `access_denied`) before calling this.
    pub async fn finish(
        &self,
        pending: &Pending,
        returned_state: &str,
        code: &str,
    ) -> Result<Identity, OidcError> {
        if !constant_time_eq(pending.state.as_bytes(), returned_state.as_bytes()) {
            return Err(OidcError::StateMismatch);
        }

        let token_response = self
            .client
            .exchange_code(AuthorizationCode::new(code.to_string()))
            .map_err(|e| OidcError::Discovery(e.to_string()))?
            .set_pkce_verifier(PkceCodeVerifier::new(pending.pkce_verifier.clone()))
            .request_async(&self.http)
            .await
            .map_err(|e| match e {
                RequestTokenError::Request(e) => OidcError::Unreachable(error_chain(&e)),
                RequestTokenError::ServerResponse(r) => {
                    OidcError::Token(match r.error_description() {
                        Some(d) => format!("{} ({d})", r.error()),
                        None => r.error().to_string(),
                    })
                }
                other => OidcError::Token(error_chain(&other)),
            })?;

        // Verify the ID token, read back with a claims type that keeps the
        // non-standard claims too.
        let raw_id_token = token_response
            .id_token()
            .ok_or_else(|| OidcError::IdToken("no id_token in the token response".into()))?
            .to_string();
        let id_token: FullIdToken = raw_id_token
            .parse()
            .map_err(|e: serde_json::Error| OidcError::IdToken(e.to_string()))?;
        let verifier = self
            .client
            .id_token_verifier()
            .set_allowed_algs(self.id_token_algs.clone());
        let nonce = Nonce::new(pending.nonce.clone());
        let id_claims = id_token
            .claims(&verifier, &nonce)
            .map_err(|e| OidcError::IdToken(error_chain(&e)))?;
        if let Some(expected) = id_claims.access_token_hash() {
            let alg = id_token
                .signing_alg()
                .map_err(|e| OidcError::IdToken(error_chain(&e)))?;
            let key = id_token
                .signing_key(&verifier)
                .map_err(|e| OidcError::IdToken(error_chain(&e)))?;
            let actual = AccessTokenHash::from_token(token_response.access_token(), alg, key)
                .map_err(|e| OidcError::IdToken(error_chain(&e)))?;
            if actual != *expected {
                return Err(OidcError::IdToken(
                    "at_hash does not match the access token".into(),
                ));
            }
        }
        let subject = id_claims.subject().clone();
        let mut claims = to_map(id_claims).map_err(OidcError::IdToken)?;

        // Userinfo, when announced. The expected subject guards against a
        // token substitution.
        if let Ok(request) = self
            .client
            .user_info(token_response.access_token().clone(), Some(subject.clone()))
        {
            let userinfo: UserInfoClaims<OtherClaims, CoreGenderClaim> = request
                .require_signed_response(self.require_signed_userinfo)
                .request_async(&self.http)
                .await
                .map_err(|e| match e {
                    UserInfoError::Request(e) => OidcError::Unreachable(error_chain(&e)),
                    other => OidcError::Userinfo(error_chain(&other)),
                })?;
            for (key, value) in to_map(&userinfo).map_err(OidcError::Userinfo)? {
                if !PROTOCOL_CLAIMS.contains(&key.as_str()) || !claims.contains_key(&key) {
                    claims.insert(key, value);
                }
            }
        }

        let text = |name: &str| {
            claims
                .get(name)
                .and_then(Value::as_str)
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        };
        Ok(Identity {
            issuer: self.issuer.clone(),
            subject: subject.as_str().to_string(),
            email: text("email"),
            email_verified: claims.get("email_verified").and_then(Value::as_bool) == Some(true),
            given_name: text("given_name"),
            family_name: text("family_name").or_else(|| text("usual_name")),
            id_token: raw_id_token,
            claims,
        })
    }

    /// RP-initiated logout URL carrying `id_token_hint`,
    /// `post_logout_redirect_uri` and a random `state` (ProConnect requires
    /// one; it is not checked on return). `None` if the provider has no
    /// `end_session_endpoint`, or if `id_token` / `post_logout_redirect_uri`
    /// cannot be parsed.
    pub fn logout_url(&self, id_token: &str, post_logout_redirect_uri: &str) -> Option<url::Url> {
        let endpoint = self.end_session.clone()?;
        let hint: CoreIdToken = id_token.parse().ok()?;
        let redirect = PostLogoutRedirectUrl::new(post_logout_redirect_uri.to_string()).ok()?;
        Some(
            LogoutRequest::from(endpoint)
                .set_id_token_hint(&hint)
                .set_post_logout_redirect_uri(redirect)
                .set_state(CsrfToken::new_random_len(RANDOM_BYTES))
                .http_get_url(),
        )
    }
}

/// HTTP client for provider requests: no redirects (a redirect from the token
/// or userinfo endpoint could point anywhere, including internal services) and
/// a bounded duration.
fn http_client() -> Result<reqwest::Client, OidcError> {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(HTTP_TIMEOUT)
        .connect_timeout(HTTP_TIMEOUT / 2)
        .build()
        .map_err(|e| OidcError::Config(error_chain(&e)))
}

fn to_map<T: Serialize>(claims: T) -> Result<Map<String, Value>, String> {
    match serde_json::to_value(claims) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(_) => Err("claims are not a JSON object".into()),
        Err(e) => Err(e.to_string()),
    }
}

/// Compares without an early exit, so that timing does not tell how much of
/// a guessed `state` was right.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// An error with its sources, for logs ("a: b: c").
fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        let cause_text = cause.to_string();
        if !text.contains(&cause_text) {
            text.push_str(": ");
            text.push_str(&cause_text);
        }
        source = cause.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constant_time_eq_compares_content_and_length() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"abcd"));
        assert!(constant_time_eq(b"", b""));
    }
}
