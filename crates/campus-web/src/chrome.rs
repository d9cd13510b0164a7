//! What every page shows around its content: language, navigation for the
//! signed-in user's role, the anti-forgery token for its forms.

use axum::extract::{FromRequestParts, Request};
use axum::http::request::Parts;
use campus_domain::Role;

use crate::auth::Identity;
use crate::csrf::CsrfToken;
use crate::i18n::{Lang, Tr};

/// The signed-in user as the page frame needs it.
#[derive(Clone, Debug)]
pub struct ChromeUser {
    pub name: String,
    pub role: Role,
}

/// The page frame's context, extracted from every request.
#[derive(Clone, Debug, Default)]
pub struct Chrome {
    pub lang: Lang,
    pub csrf: String,
    pub user: Option<ChromeUser>,
    /// Path and query of the page, to come back to after signing in or
    /// changing language.
    pub here: String,
}

impl Chrome {
    fn build(
        parts_ext: &axum::http::Extensions,
        headers: &axum::http::HeaderMap,
        uri: &axum::http::Uri,
    ) -> Chrome {
        let identity = parts_ext.get::<Identity>();
        Chrome {
            lang: Lang::negotiate(headers, uri.path().starts_with("/api")),
            csrf: parts_ext
                .get::<CsrfToken>()
                .map(|t| t.0.clone())
                .unwrap_or_default(),
            user: identity.map(|i| ChromeUser {
                name: i.user.display_name.clone(),
                role: i.user.role,
            }),
            here: uri
                .path_and_query()
                .map(|p| p.as_str().to_owned())
                .unwrap_or_else(|| "/".to_owned()),
        }
    }

    pub fn from_request(request: &Request) -> Chrome {
        Chrome::build(request.extensions(), request.headers(), request.uri())
    }

    pub fn tr(&self) -> Tr {
        Tr::new(self.lang)
    }

    /// The message `key` in the page's language.
    pub fn t(&self, key: &str) -> String {
        self.tr().t(key)
    }

    pub fn ts(&self, key: &str, name: &'static str, value: &str) -> String {
        self.tr().ts(key, name, value)
    }

    pub fn tn(&self, key: &str, name: &'static str, value: impl crate::i18n::Count) -> String {
        self.tr().tn(key, name, value)
    }

    /// Whether the navigation shows the campus team's administration.
    /// The message `key` with two number arguments.
    pub fn tv2(
        &self,
        key: &str,
        n1: &'static str,
        v1: impl crate::i18n::Count,
        n2: &'static str,
        v2: impl crate::i18n::Count,
    ) -> String {
        self.tr().tns(key, &[(n1, v1.count()), (n2, v2.count())])
    }

    /// The message `key` with two text arguments.
    pub fn tv2s(
        &self,
        key: &str,
        n1: &'static str,
        v1: &str,
        n2: &'static str,
        v2: &str,
    ) -> String {
        self.tr().tv(key, &[(n1, v1), (n2, v2)])
    }

    pub fn is_staff(&self) -> bool {
        self.user.as_ref().is_some_and(|u| u.role.is_campus_staff())
    }

    /// The on-demand modules' space of the user's role, if it has one: a
    /// company's requests, a trainer's inbox, the campus team's queue.
    pub fn modules_href(&self) -> Option<&'static str> {
        match self.user.as_ref()?.role {
            Role::Entreprise => Some("/modules/demandes"),
            Role::Formateur => Some("/modules/propositions"),
            Role::EquipeCampus | Role::Admin => Some("/admin/modules"),
            Role::Apprenant | Role::Partenaire => None,
        }
    }

    /// The login page, returning here afterwards.
    pub fn login_href(&self) -> String {
        format!("/connexion?suite={}", crate::forms::url_encode(&self.here))
    }

    /// Whether `path` is the current page (for `aria-current`).
    pub fn is_current(&self, path: &str) -> bool {
        let here = self.here.split('?').next().unwrap_or_default();
        if path == "/" {
            here == "/"
        } else {
            here == path || here.starts_with(&format!("{path}/"))
        }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Chrome {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(Chrome::build(&parts.extensions, &parts.headers, &parts.uri))
    }
}
