//! `campus demo …`: the compact real subset of the national data that the
//! binary embeds and loads into an empty database.

use std::path::PathBuf;

use anyhow::Context;
use campus_import::SousEnsemble;
use campus_web::Config;
use clap::Subcommand;

/// Largest archive the binary may embed.
const MAX_BYTES: usize = 3 * 1024 * 1024;

#[derive(Debug, Subcommand)]
pub enum DemoCommand {
    /// Construit le sous-ensemble réel embarqué (métiers du secteur, certifications qui y mènent,
    /// formations et communes de la région) à partir d'un dossier rangé comme ../shared/data ;
    /// les mêmes fichiers donnent les mêmes octets.
    Build {
        /// Dossier des référentiels nationaux.
        dir: PathBuf,
        /// Archive à écrire (crates/campus-import/sous-ensemble.tar.gz pour l'embarquer).
        #[arg(long)]
        output: PathBuf,
    },
}

pub fn run(config: Config, command: DemoCommand) -> anyhow::Result<()> {
    let DemoCommand::Build { dir, output } = command;
    let sector = config.sector.sector().context("secteur du campus")?;
    let subset = SousEnsemble::build(&dir, &sector)
        .map_err(|e| anyhow::anyhow!("sous-ensemble de {} : {e}", dir.display()))?;
    let bytes = subset.bytes();
    if bytes.len() > MAX_BYTES {
        anyhow::bail!(
            "sous-ensemble de {} octets, plus que les {MAX_BYTES} permis",
            bytes.len()
        );
    }
    let files = subset
        .files()
        .map_err(|e| anyhow::anyhow!("relecture du sous-ensemble : {e}"))?;
    // A partial file never takes the place of a complete one.
    let mut partial = output.as_os_str().to_owned();
    partial.push(".partiel");
    let partial = PathBuf::from(partial);
    std::fs::write(&partial, bytes)
        .with_context(|| format!("écriture de {}", partial.display()))?;
    std::fs::rename(&partial, &output)
        .with_context(|| format!("écriture de {}", output.display()))?;
    for file in &files {
        println!("{:>10}  {}", file.size, file.path);
    }
    let total: u64 = files.iter().map(|f| f.size).sum();
    println!(
        "{} : {} fichiers, {total} octets décompressés, {} octets compressés",
        output.display(),
        files.len(),
        bytes.len()
    );
    Ok(())
}
