//! The fingerprint of what an import read: the name and SHA-256 of every
//! source file, recorded after the import succeeds, so that the annual
//! report can name the exact files its figures come from.

use std::io::Read;
use std::path::{Path, PathBuf};

use campus_store::Store;
use campus_store::rapports::FichierSource;
use sha2::{Digest, Sha256};

use crate::ImportError;

/// The files under `paths` (a folder counts for every file below it), by
/// name, each with its SHA-256.
pub fn empreintes(paths: &[PathBuf]) -> std::io::Result<Vec<FichierSource>> {
    let mut files = Vec::new();
    for path in paths {
        collect(path, &mut files)?;
    }
    files.sort();
    files.dedup();
    let mut out = Vec::with_capacity(files.len());
    for file in files {
        let (sha256, octets) = sha256_of(&file)?;
        out.push(FichierSource {
            fichier: file
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            sha256,
            octets,
        });
    }
    // Two folders may hold files of the same name: keep the first.
    out.dedup_by(|a, b| a.fichier == b.fichier);
    Ok(out)
}

fn collect(path: &Path, files: &mut Vec<PathBuf>) -> std::io::Result<()> {
    if path.is_dir() {
        for entry in std::fs::read_dir(path)? {
            collect(&entry?.path(), files)?;
        }
    } else if path.is_file() {
        files.push(path.to_path_buf());
    }
    Ok(())
}

fn sha256_of(path: &Path) -> std::io::Result<(String, u64)> {
    let mut file = std::fs::File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buffer = vec![0u8; 1 << 16];
    let mut total = 0u64;
    loop {
        let n = file.read(&mut buffer)?;
        if n == 0 {
            break;
        }
        hasher.update(&buffer[..n]);
        total += n as u64;
    }
    Ok((hex(&hasher.finalize()), total))
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// Records what the import `source` read from `paths`, with the rows it
/// read. Called once the import's own transaction has committed.
pub async fn enregistrer_sources(
    store: &Store,
    source: &str,
    paths: &[PathBuf],
    lignes: u64,
) -> Result<(), ImportError> {
    let fichiers = empreintes(paths).map_err(|err| -> ImportError {
        format!("empreinte des fichiers de « {source} » : {err}").into()
    })?;
    store
        .rapports()
        .enregistrer_sources(source, &fichiers, Some(lignes))
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_every_file_of_a_folder_by_name() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sous")).unwrap();
        std::fs::write(dir.path().join("a.csv"), b"abc").unwrap();
        std::fs::write(dir.path().join("sous/b.csv"), b"").unwrap();
        let got = empreintes(&[dir.path().to_path_buf()]).unwrap();
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].fichier, "a.csv");
        assert_eq!(
            got[0].sha256,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(got[0].octets, 3);
        assert_eq!(
            got[1].sha256,
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }
}
