//! The `campus` command: serve the platform, migrate the database, manage
//! accounts, check the configuration, import referentials, rebuild the
//! search index, align the catalogue for the training-path engine, build
//! the embedded subset of the referentials, produce the annual evaluation
//! report. This file only dispatches.

mod cli;
mod demo;
mod parcours;
mod users;

use std::process::ExitCode;

use clap::Parser;

use crate::cli::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(err) => {
            eprintln!("erreur : impossible de démarrer le moteur d'exécution : {err}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("erreur : {err:#}");
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> anyhow::Result<()> {
    let config = cli.config()?;
    init_logs(&config);
    match cli.command {
        Command::Serve { .. } => cli::serve(config).await,
        Command::Migrate => cli::migrate(config).await,
        Command::Check => cli::check(config).await,
        Command::User(command) => users::run(config, command).await,
        Command::Import(command) => cli::import(config, command).await,
        Command::Export(command) => cli::export(config, command).await,
        Command::Reindex => cli::reindex(config).await,
        Command::Rapport {
            annee,
            format,
            output,
            fige,
        } => cli::rapport(config, annee, &format, &output, fige).await,
        Command::Parcours(command) => parcours::run(config, command).await,
        Command::Demo(command) => demo::run(config, command),
    }
}

fn init_logs(config: &campus_web::Config) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .or_else(|_| tracing_subscriber::EnvFilter::try_new(&config.log.filter))
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    if config.log.json {
        builder.json().init();
    } else {
        builder.init();
    }
}
