//! Building and running the application: connect and migrate the database,
//! load the demonstration data and the embedded subset of the referentials
//! into an empty one, assemble the router and
//! its layers, serve until a shutdown signal, let in-flight requests finish.

use std::future::Future;
use std::net::SocketAddr;
use std::time::Duration;

use anyhow::Context;
use axum::Router;
use axum::http::StatusCode;
use axum::middleware;
use campus_domain::Clock;
use campus_import::SousEnsemble;
use campus_mail::{Mailer, SmtpSecurity, SmtpSettings};
use campus_parcours::align::AlignParams;
use campus_store::{Store, redact_url};
use tokio::net::TcpListener;
use tokio::sync::{Notify, watch};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

use crate::authz::RouteRule;
use crate::config::{Config, MailTransport, SmtpTls};
use crate::error::AppError;
use crate::passwords::PasswordHasher;
use crate::state::{AppState, Inner};
use crate::{auth, csrf, error, mail_worker, metrics, request_limits, routes, security};

/// A platform ready to serve: database migrated, port bound.
pub struct Application {
    listener: TcpListener,
    router: Router,
    state: AppState,
    mailer: Mailer,
}

/// The mailer the configuration asks for.
pub fn mailer_from_config(config: &Config) -> anyhow::Result<Mailer> {
    let mail = &config.mail;
    let mailer = match mail.transport {
        MailTransport::File => Mailer::file(&mail.from, mail.dir.clone())?,
        MailTransport::Smtp => Mailer::smtp(
            &mail.from,
            &SmtpSettings {
                host: mail.smtp_host.clone(),
                port: mail.smtp_port,
                tls: match mail.smtp_tls {
                    SmtpTls::Tls => SmtpSecurity::Tls,
                    SmtpTls::Starttls => SmtpSecurity::Starttls,
                    SmtpTls::None => SmtpSecurity::None,
                },
                credentials: mail.smtp_username.clone().zip(mail.smtp_password.clone()),
            },
        )?,
    };
    Ok(mailer)
}

/// The list of every route with its access rule.
pub fn route_rules() -> Vec<RouteRule> {
    routes::all().iter().map(RouteRule::from).collect()
}

impl Application {
    /// Connects, migrates, loads demonstration data if configured and the
    /// database is empty, and binds the listening port (port 0 picks a free
    /// one, for tests).
    pub async fn build(config: Config, mailer: Mailer) -> anyhow::Result<Application> {
        Application::build_with_clock(config, mailer, Clock::System).await
    }

    /// [`Application::build`] on `clock` instead of the system clock: tests
    /// start the platform at a chosen instant and move its time by hand.
    pub async fn build_with_clock(
        config: Config,
        mailer: Mailer,
        clock: Clock,
    ) -> anyhow::Result<Application> {
        config.validate()?;
        let store = Store::connect(&config.database.url, config.database.max_connections)
            .await?
            .with_clock(clock.clone());
        // Nodes started together take turns: the first one migrates and
        // loads, the next ones find the schema current and the data there.
        let lock = store
            .startup_lock()
            .await
            .context("attente des autres nœuds qui préparent la base")?;
        store
            .migrate()
            .await
            .context("migration de la base de données")?;
        tracing::info!(database = %redact_url(&config.database.url), backend = store.backend().as_str(), "base de données prête");
        if config.demo.load_on_empty {
            let loaded = store.load_demo_if_empty().await?;
            if loaded > 0 {
                tracing::info!(
                    organisations = loaded,
                    "données de démonstration chargées dans la base vide"
                );
            }
        }
        if config.demo.sous_ensemble {
            load_subset_if_empty(&store).await?;
        }
        lock.release().await?;
        let csrf_key = store.server_secret("csrf").await?.into_bytes();
        let search = campus_search::Catalogue::open(
            &store,
            config.index_location(),
            config.sector.sector()?,
        )
        .await
        .context("index de recherche")?;
        let passwords = PasswordHasher::new(
            config.security.argon2_memory_kib,
            config.security.argon2_iterations,
        )?;
        let listener = TcpListener::bind(config.server.bind)
            .await
            .with_context(|| format!("impossible d'écouter sur {}", config.server.bind))?;
        let federation = crate::federation::Federation::new(&config);
        let documents = campus_documents::Documents::open(&config.documents)
            .context("stockage des documents")?;
        documents
            .probe()
            .await
            .context("stockage des documents injoignable")?;
        let state = AppState::new(Inner {
            documents,
            store,
            federation,
            config,
            clock,
            csrf_key,
            passwords,
            mail_queued: std::sync::Arc::new(Notify::new()),
            metrics: metrics::handle(),
            search: std::sync::Arc::new(search),
            parcours: crate::parcours::engine::Engine::default(),
        });
        let router = router(state.clone());
        Ok(Application {
            listener,
            router,
            state,
            mailer,
        })
    }

    pub fn local_addr(&self) -> anyhow::Result<SocketAddr> {
        Ok(self.listener.local_addr()?)
    }

    pub fn state(&self) -> AppState {
        self.state.clone()
    }

    /// Serves until `shutdown` completes, then stops accepting connections
    /// and waits for in-flight requests (at most the configured grace).
    pub async fn run_until_stopped(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> anyhow::Result<()> {
        let (stop_tx, stop_rx) = watch::channel(false);
        let worker = tokio::spawn(mail_worker::run(
            self.state.clone(),
            self.mailer,
            stop_rx.clone(),
        ));
        let watcher = tokio::spawn(std::sync::Arc::clone(&self.state.search).watch(
            self.state.store.clone(),
            Duration::from_secs(self.state.config.search.check_interval_secs),
            stop_rx.clone(),
        ));
        let warm_state = self.state.clone();
        let warm_stop = stop_rx.clone();
        let warm_up = tokio::spawn(async move {
            warm_state
                .parcours
                .warm_up(&warm_state.store, warm_stop)
                .await;
        });
        let grace = Duration::from_secs(self.state.config.server.shutdown_grace_secs);
        let mut grace_rx = stop_rx;
        let signal = async move {
            shutdown.await;
            tracing::info!("arrêt demandé : fin des requêtes en cours");
            let _ = stop_tx.send(true);
        };
        let server = axum::serve(
            self.listener,
            self.router
                .into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(signal);
        let deadline = async move {
            let _ = grace_rx.wait_for(|stopped| *stopped).await;
            tokio::time::sleep(grace).await;
        };
        tokio::select! {
            result = server => result.context("serveur HTTP")?,
            _ = deadline => tracing::warn!("délai de grâce écoulé : arrêt avec des requêtes en cours"),
        }
        let _ = worker.await;
        let _ = watcher.await;
        warm_up.abort();
        self.state.store.clone().close().await?;
        Ok(())
    }
}

/// Loads the real subset embedded in the binary into a catalogue that has
/// no ROME fiche yet, then does what `campus parcours aligner` does
/// (programmes attached to their certification, blocs aligned on the ROME
/// skills), so that the search index and the training-path engine, built
/// next from the database, have a catalogue to work on. Each referential
/// is one transaction, as with `campus import all`, and each import is
/// idempotent: a start stopped before the ROME fiches are in loads it all
/// again at the next one; one stopped later leaves whole referentials,
/// which `campus import all` on the national data completes.
pub async fn load_subset_if_empty(store: &Store) -> anyhow::Result<()> {
    if store.count_rome_fiches().await? > 0 {
        return Ok(());
    }
    let started = std::time::Instant::now();
    let mut rows = 0;
    SousEnsemble::embedded()
        .load(store, |_, report| rows += report.rows())
        .await
        .map_err(|e| anyhow::anyhow!("chargement du sous-ensemble embarqué : {e}"))?;
    let imported = started.elapsed();
    let attached = campus_parcours_service::attach_programmes(store)
        .await
        .context("rattachement des formations du sous-ensemble")?;
    let alignment = campus_parcours_service::align_catalogue(store, AlignParams::default())
        .await
        .context("alignement des blocs du sous-ensemble")?;
    tracing::info!(
        lignes = rows,
        import_s = imported.as_secs_f64(),
        formations_rattachees = attached.attached,
        liens = alignment.links.len(),
        total_s = started.elapsed().as_secs_f64(),
        "sous-ensemble réel des référentiels chargé dans le catalogue vide"
    );
    Ok(())
}

/// The router with every route and layer. Layers listed later wrap those
/// before them: the request meets them bottom-up.
pub fn router(state: AppState) -> Router {
    let mut router = Router::new();
    let body_limit = state.config.server.body_limit_bytes;
    for def in routes::all() {
        let path = def.path;
        router = router.route(path, def.into_method_router(body_limit));
    }
    let timeout = Duration::from_secs(state.config.server.request_timeout_secs);
    router
        .fallback(|| async { AppError::NotFound })
        .layer(middleware::from_fn(error::render_errors))
        .layer(middleware::from_fn_with_state(state.clone(), csrf::protect))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            auth::identify,
        ))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            timeout,
        ))
        .layer(CatchPanicLayer::new())
        .layer(middleware::from_fn(request_limits::check))
        .layer(middleware::from_fn(error::render_errors))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            security::headers,
        ))
        .layer(middleware::from_fn(metrics::record))
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

/// Resolves on SIGTERM or Ctrl-C.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
}
