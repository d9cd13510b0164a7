//! The compact real subset of the national data, embedded in the binary,
//! that an empty database gets at its first start.
//!
//! A fresh clone has no `../shared/data`: without it the catalogue would be
//! empty, search would find nothing and no training path could be
//! computed. The subset is a set of **extracts in the very formats the
//! importers read** — the same files, laid out as `shared/data`, with only
//! the rows the campus's sector needs ([`selection`] says which and why) —
//! packed into one gzip-compressed tar archive. Loading it is
//! `import_all` on the unpacked folder: one home for every import rule,
//! one transaction per referential, and importing the national data on top
//! of it later only adds and updates rows.
//!
//! `campus demo build DATA --output crates/campus-import/sous-ensemble.tar.gz`
//! writes it. The archive is deterministic: entries in path order, fixed
//! owner, mode and time, gzip without a time stamp. The same files give the
//! same bytes, which a test checks against the committed archive.

mod extract;
mod selection;

use std::borrow::Cow;
use std::io::Write;
use std::path::{Path, PathBuf};

use campus_domain::Sector;
use campus_store::Store;
use flate2::Compression;
use flate2::read::GzDecoder;
use sha2::{Digest, Sha256};

use crate::{ImportError, ImportReport, Step};

/// The archive committed beside this crate, as `campus demo build` wrote it.
static EMBEDDED: &[u8] = include_bytes!("../../sous-ensemble.tar.gz");

/// A subset archive: extracts of the referentials laid out as `shared/data`.
#[derive(Clone)]
pub struct SousEnsemble {
    archive: Cow<'static, [u8]>,
}

impl std::fmt::Debug for SousEnsemble {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SousEnsemble")
            .field("bytes", &self.archive.len())
            .finish()
    }
}

/// One file of the archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Its path in the folder layout (`rome_v460/unix_texte_v460_utf8.csv`).
    pub path: String,
    /// Its size uncompressed, in bytes.
    pub size: u64,
}

fn io_error(what: &str) -> impl Fn(std::io::Error) -> ImportError + '_ {
    move |e| format!("sous-ensemble : {what} : {e}").into()
}

impl SousEnsemble {
    /// The subset built into this binary.
    pub fn embedded() -> SousEnsemble {
        SousEnsemble {
            archive: Cow::Borrowed(EMBEDDED),
        }
    }

    /// Builds the subset of the data folder `data` (laid out as
    /// `shared/data`) for the campus's `sector`.
    pub fn build(data: &Path, sector: &Sector) -> Result<SousEnsemble, ImportError> {
        let files = selection::select(data, sector)?;
        let mut gz = flate2::GzBuilder::new()
            .mtime(0)
            .write(Vec::new(), Compression::best());
        {
            let mut tar = tar::Builder::new(&mut gz);
            for (path, bytes) in &files {
                let mut header = tar::Header::new_gnu();
                header.set_entry_type(tar::EntryType::Regular);
                header.set_size(bytes.len() as u64);
                header.set_mode(0o644);
                header.set_mtime(0);
                header.set_uid(0);
                header.set_gid(0);
                tar.append_data(&mut header, path, bytes.as_slice())
                    .map_err(io_error("archive"))?;
            }
            tar.finish().map_err(io_error("archive"))?;
        }
        gz.flush().map_err(io_error("compression"))?;
        let archive = gz.finish().map_err(io_error("compression"))?;
        Ok(SousEnsemble {
            archive: Cow::Owned(archive),
        })
    }

    /// The compressed archive.
    pub fn bytes(&self) -> &[u8] {
        &self.archive
    }

    fn entries(&self) -> tar::Archive<GzDecoder<&[u8]>> {
        tar::Archive::new(GzDecoder::new(self.bytes()))
    }

    /// The archive's files, in order.
    pub fn files(&self) -> Result<Vec<Entry>, ImportError> {
        let mut archive = self.entries();
        let mut files = Vec::new();
        for entry in archive.entries().map_err(io_error("lecture"))? {
            let entry = entry.map_err(io_error("lecture"))?;
            files.push(Entry {
                path: entry
                    .path()
                    .map_err(io_error("lecture"))?
                    .to_string_lossy()
                    .into_owned(),
                size: entry.size(),
            });
        }
        Ok(files)
    }

    /// Writes the archive's files under `dir`, laid out as `shared/data`.
    pub fn unpack(&self, dir: &Path) -> Result<(), ImportError> {
        std::fs::create_dir_all(dir).map_err(io_error("dossier"))?;
        self.entries()
            .unpack(dir)
            .map_err(io_error("dépaquetage"))?;
        Ok(())
    }

    /// The archive unpacked under `parent` once for all: a folder named
    /// after the archive's digest, written beside and renamed into place
    /// complete, so that processes sharing `parent` never see half of it.
    pub fn cached(&self, parent: &Path) -> Result<PathBuf, ImportError> {
        let digest = Sha256::digest(self.bytes());
        let short: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
        let dir = parent.join(format!("sous-ensemble-{short}"));
        if dir.is_dir() {
            return Ok(dir);
        }
        std::fs::create_dir_all(parent).map_err(io_error("dossier"))?;
        let partial = tempfile::Builder::new()
            .prefix(".sous-ensemble-")
            .tempdir_in(parent)
            .map_err(io_error("dossier"))?;
        self.unpack(partial.path())?;
        if let Err(e) = std::fs::rename(partial.path(), &dir)
            && !dir.is_dir()
        {
            return Err(io_error("dossier")(e));
        }
        Ok(dir)
    }

    /// Imports the subset into the catalogue: every referential it holds,
    /// through the importers, one transaction each (`done` hears of each
    /// import as it ends).
    pub async fn load(
        &self,
        store: &Store,
        done: impl FnMut(&Step, &ImportReport),
    ) -> Result<Vec<(Step, ImportReport)>, ImportError> {
        let dir = tempfile::Builder::new()
            .prefix("campus-sous-ensemble-")
            .tempdir()
            .map_err(io_error("dossier"))?;
        self.unpack(dir.path())?;
        crate::import_all(store, dir.path(), done).await
    }
}
