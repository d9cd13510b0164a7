//! Opening an input file as a stream of UTF-8, whatever its compression and
//! encoding.
//!
//! The encoding is found by a first pass that checks, chunk by chunk, that
//! the bytes are valid UTF-8 (a byte-order mark settles it at once); a file
//! that is not is read as Windows-1252, the other encoding French open data
//! uses. Both passes stream: memory does not grow with the file.

use std::fs::File;
use std::io::{self, BufReader, Read};
use std::path::Path;

use flate2::read::MultiGzDecoder;

use crate::FormatError;

/// The text encoding of a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8WithBom,
    Windows1252,
}

const BOM: &[u8] = b"\xEF\xBB\xBF";
const CHUNK: usize = 64 * 1024;

fn raw(path: &Path) -> io::Result<Box<dyn Read + Send>> {
    let file = BufReader::new(File::open(path)?);
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("gz"))
    {
        Ok(Box::new(MultiGzDecoder::new(file)))
    } else {
        Ok(Box::new(file))
    }
}

/// Finds the encoding of a byte stream.
pub fn detect(mut input: impl Read) -> io::Result<Encoding> {
    let mut buf = vec![0u8; CHUNK];
    let mut carry: Vec<u8> = Vec::new();
    let mut first = true;
    loop {
        let n = input.read(&mut buf)?;
        if n == 0 {
            // A sequence cut at the very end is not UTF-8.
            return Ok(if carry.is_empty() {
                Encoding::Utf8
            } else {
                Encoding::Windows1252
            });
        }
        let mut chunk = std::mem::take(&mut carry);
        chunk.extend_from_slice(&buf[..n]);
        if first && chunk.len() >= BOM.len() {
            first = false;
            if chunk.starts_with(BOM) {
                return Ok(Encoding::Utf8WithBom);
            }
        }
        match std::str::from_utf8(&chunk) {
            Ok(_) => {}
            Err(e) if e.error_len().is_none() => carry = chunk[e.valid_up_to()..].to_vec(),
            Err(_) => return Ok(Encoding::Windows1252),
        }
    }
}

/// Decodes a Windows-1252 stream into UTF-8 as it is read.
struct Transcoder<R> {
    inner: R,
    decoder: encoding_rs::Decoder,
    input: Vec<u8>,
    output: Vec<u8>,
    position: usize,
    finished: bool,
}

impl<R: Read> Read for Transcoder<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        while self.position == self.output.len() {
            if self.finished {
                return Ok(0);
            }
            let n = self.inner.read(&mut self.input)?;
            let last = n == 0;
            let needed = self.decoder.max_utf8_buffer_length(n).unwrap_or(n * 3 + 16);
            self.output.resize(needed, 0);
            let (_, _, written, _) =
                self.decoder
                    .decode_to_utf8(&self.input[..n], &mut self.output, last);
            self.output.truncate(written);
            self.position = 0;
            self.finished = last;
        }
        let count = out.len().min(self.output.len() - self.position);
        out[..count].copy_from_slice(&self.output[self.position..self.position + count]);
        self.position += count;
        Ok(count)
    }
}

/// The file of `dir` whose name starts with `prefix` and ends with `.csv`
/// or `.csv.gz`; the last in name order when several match (the newest
/// export, as publishers date their file names).
pub fn find_csv(dir: &Path, prefix: &str) -> Result<std::path::PathBuf, FormatError> {
    let dir_name = dir.display().to_string();
    let mut found: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| FormatError::new(&dir_name, None, format!("dossier illisible : {e}")))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                n.starts_with(prefix) && (n.ends_with(".csv") || n.ends_with(".csv.gz"))
            })
        })
        .collect();
    found.sort();
    found.pop().ok_or_else(|| {
        FormatError::new(
            &dir_name,
            None,
            format!("fichier {prefix}*.csv(.gz) absent"),
        )
    })
}

/// Opens `path` as UTF-8 text, with its detected encoding.
pub fn open(path: &Path) -> Result<(Box<dyn Read + Send>, Encoding), FormatError> {
    let name = path.display().to_string();
    let io_error =
        |e: io::Error| FormatError::new(&name, None, format!("lecture impossible : {e}"));
    let encoding = detect(raw(path).map_err(io_error)?).map_err(io_error)?;
    let mut reader = raw(path).map_err(io_error)?;
    let stream: Box<dyn Read + Send> = match encoding {
        Encoding::Utf8 => reader,
        Encoding::Utf8WithBom => {
            let mut bom = [0u8; 3];
            reader.read_exact(&mut bom).map_err(io_error)?;
            reader
        }
        Encoding::Windows1252 => Box::new(Transcoder {
            inner: reader,
            decoder: encoding_rs::WINDOWS_1252.new_decoder_without_bom_handling(),
            input: vec![0u8; CHUNK],
            output: Vec::new(),
            position: 0,
            finished: false,
        }),
    };
    Ok((stream, encoding))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn decode(bytes: &[u8]) -> (Encoding, String) {
        let dir = std::env::temp_dir().join(format!(
            "campus-source-{}-{}",
            std::process::id(),
            bytes.len()
        ));
        std::fs::write(&dir, bytes).unwrap();
        let (mut stream, encoding) = open(&dir).unwrap();
        let mut text = String::new();
        stream.read_to_string(&mut text).unwrap();
        std::fs::remove_file(&dir).unwrap();
        (encoding, text)
    }

    #[test]
    fn the_three_encodings() {
        assert_eq!(
            decode("Chimie fine, Orléans".as_bytes()),
            (Encoding::Utf8, "Chimie fine, Orléans".to_owned())
        );
        assert_eq!(
            decode(b"\xEF\xBB\xBFcode;libell\xC3\xA9"),
            (Encoding::Utf8WithBom, "code;libellé".to_owned())
        );
        assert_eq!(
            decode(b"Pr\xE9parateur \x96 \x9Cuvre"),
            (Encoding::Windows1252, "Préparateur – œuvre".to_owned())
        );
    }

    #[test]
    fn a_multibyte_sequence_across_chunks_is_still_utf8() {
        let mut text = "a".repeat(CHUNK - 1);
        text.push('é');
        assert_eq!(detect(text.as_bytes()).unwrap(), Encoding::Utf8);
    }

    #[test]
    fn gzip_is_read_transparently() {
        use std::io::Write;
        let path =
            std::env::temp_dir().join(format!("campus-source-{}.csv.gz", std::process::id()));
        let mut encoder = flate2::write::GzEncoder::new(
            File::create(&path).unwrap(),
            flate2::Compression::fast(),
        );
        encoder.write_all("é;è".as_bytes()).unwrap();
        encoder.finish().unwrap();
        let (mut stream, encoding) = open(&path).unwrap();
        let mut text = String::new();
        stream.read_to_string(&mut text).unwrap();
        assert_eq!((encoding, text.as_str()), (Encoding::Utf8, "é;è"));
        std::fs::remove_file(path).unwrap();
    }

    proptest! {
        #[test]
        fn any_bytes_decode_to_text_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
            let encoding = detect(bytes.as_slice()).unwrap();
            prop_assert!(encoding != Encoding::Utf8 || std::str::from_utf8(&bytes).is_ok());
        }
    }
}
