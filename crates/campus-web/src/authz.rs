//! Authorisation: every route declares who may call it, and the rule is
//! enforced on the server before the handler runs.
//!
//! Routes are declared as [`RouteDef`]s, never added to the router
//! directly, so a route cannot exist without a rule; the test suite walks
//! the same list to check every route against every role. Rules that depend
//! on data (a partner editing *their own* organisation) are checked again
//! in the handler.

use axum::extract::{DefaultBodyLimit, Request};
use axum::handler::Handler;
use axum::http::{Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{self, MethodRouter};
use campus_domain::Role;
use tower_http::limit::RequestBodyLimitLayer;

use crate::auth::Identity;
use crate::error::AppError;
use crate::forms::url_encode;
use crate::state::AppState;

/// Who may call a route.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// Anyone, signed in or not.
    Public,
    /// Any signed-in user.
    SignedIn,
    /// The campus team (`equipe_campus`) and administrators.
    Staff,
    /// Users whose role is one of these: the spaces of one kind of user
    /// (a company's requests, a trainer's inbox).
    Roles(&'static [Role]),
}

impl Access {
    /// Whether a user with `role` (or anonymous) passes the rule.
    pub fn allows(self, role: Option<Role>) -> bool {
        match (self, role) {
            (Access::Public, _) => true,
            (_, None) => false,
            (Access::SignedIn, Some(_)) => true,
            (Access::Staff, Some(role)) => role.is_campus_staff(),
            (Access::Roles(roles), Some(role)) => roles.contains(&role),
        }
    }
}

/// One route: method, path template, rule and handler.
pub struct RouteDef {
    pub method: Method,
    pub path: &'static str,
    pub access: Access,
    handler: MethodRouter<AppState>,
    /// Largest body accepted, when the route takes more than the
    /// configured limit (file uploads).
    body_limit: Option<usize>,
}

impl RouteDef {
    pub fn get<H: Handler<T, AppState>, T: 'static>(
        path: &'static str,
        access: Access,
        handler: H,
    ) -> RouteDef {
        RouteDef {
            method: Method::GET,
            path,
            access,
            handler: routing::get(handler),
            body_limit: None,
        }
    }

    pub fn post<H: Handler<T, AppState>, T: 'static>(
        path: &'static str,
        access: Access,
        handler: H,
    ) -> RouteDef {
        RouteDef {
            method: Method::POST,
            path,
            access,
            handler: routing::post(handler),
            body_limit: None,
        }
    }

    pub fn patch<H: Handler<T, AppState>, T: 'static>(
        path: &'static str,
        access: Access,
        handler: H,
    ) -> RouteDef {
        RouteDef {
            method: Method::PATCH,
            path,
            access,
            handler: routing::patch(handler),
            body_limit: None,
        }
    }

    pub fn delete<H: Handler<T, AppState>, T: 'static>(
        path: &'static str,
        access: Access,
        handler: H,
    ) -> RouteDef {
        RouteDef {
            method: Method::DELETE,
            path,
            access,
            handler: routing::delete(handler),
            body_limit: None,
        }
    }

    /// A route that accepts bodies up to `bytes` (file uploads), above
    /// the configured limit of every other route.
    pub fn with_body_limit(mut self, bytes: usize) -> RouteDef {
        self.body_limit = Some(bytes);
        self
    }

    /// The handler wrapped in its access check and its body limit (the
    /// route's own, or `default_limit`). The limit is per route so that
    /// an upload route can take a file while every other keeps the small
    /// one; the access check runs first, so an anonymous upload is
    /// refused before its body is read.
    pub(crate) fn into_method_router(self, default_limit: usize) -> MethodRouter<AppState> {
        let access = self.access;
        let limit = self.body_limit.unwrap_or(default_limit);
        self.handler
            .layer::<_, std::convert::Infallible>(DefaultBodyLimit::max(limit))
            .layer::<_, std::convert::Infallible>(RequestBodyLimitLayer::new(limit))
            .route_layer(middleware::from_fn(move |request: Request, next: Next| {
                guard(access, request, next)
            }))
    }
}

async fn guard(access: Access, request: Request, next: Next) -> Response {
    let role = request.extensions().get::<Identity>().map(|i| i.user.role);
    if access.allows(role) {
        return next.run(request).await;
    }
    if role.is_some() {
        return AppError::Forbidden.into_response();
    }
    let path = request.uri().path();
    if path.starts_with("/api") || request.method() != Method::GET {
        return AppError::Unauthorized.into_response();
    }
    // A person who opens a private page is sent to sign in, then back.
    let here = request
        .uri()
        .path_and_query()
        .map(|p| p.as_str())
        .unwrap_or("/");
    let location = format!("/connexion?suite={}", url_encode(here));
    (StatusCode::SEE_OTHER, [(header::LOCATION, location)]).into_response()
}

/// A route's method, path and rule, as listed for tests and documentation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RouteRule {
    pub method: Method,
    pub path: &'static str,
    pub access: Access,
}

impl From<&RouteDef> for RouteRule {
    fn from(def: &RouteDef) -> Self {
        RouteRule {
            method: def.method.clone(),
            path: def.path,
            access: def.access,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules() {
        assert!(Access::Public.allows(None));
        assert!(!Access::SignedIn.allows(None));
        assert!(Access::SignedIn.allows(Some(Role::Apprenant)));
        assert!(!Access::Staff.allows(Some(Role::Partenaire)));
        assert!(Access::Staff.allows(Some(Role::EquipeCampus)));
        assert!(Access::Staff.allows(Some(Role::Admin)));
        let companies = Access::Roles(&[Role::Entreprise]);
        assert!(companies.allows(Some(Role::Entreprise)));
        assert!(!companies.allows(Some(Role::Admin)));
        assert!(!companies.allows(None));
    }
}
