//! The entry names of a ZIP archive, read from its central directory.
//!
//! Written by hand rather than taken from the `zip` crate: telling an office
//! document apart needs only the names of the entries, never their content,
//! so there is nothing to decompress. Reading names is a walk over two
//! fixed-layout records (the End Of Central Directory and the central
//! directory file headers), a few dozen lines where every offset can be
//! checked, while `zip` would bring decompressors and their dependencies
//! into a crate that only has to say "no" to anything odd.
//!
//! The reader is strict, as fits a gate on uploads: an archive that is
//! truncated, spans several disks, needs ZIP64 or whose records do not line
//! up gives `None`, and the caller refuses the file. No offset is trusted
//! before it is checked against the length of the bytes, every loop moves
//! forward by at least one record and the number of entries is capped, so
//! arbitrary input cannot panic, read out of range or spin.

/// `PK\x05\x06`: End Of Central Directory record.
const EOCD_SIGNATURE: &[u8; 4] = b"PK\x05\x06";
/// `PK\x01\x02`: central directory file header.
const CENTRAL_SIGNATURE: &[u8; 4] = b"PK\x01\x02";
/// Fixed part of the End Of Central Directory record.
const EOCD_LEN: usize = 22;
/// The archive comment that ends the record is at most `u16::MAX` bytes, so
/// the record starts within the last 65 557 bytes.
const EOCD_SEARCH: usize = EOCD_LEN + u16::MAX as usize;
/// Fixed part of a central directory file header; the name follows it.
const CENTRAL_LEN: usize = 46;

/// More entries than any office document we accept has; an archive that
/// announces more is refused rather than walked.
pub(crate) const MAX_ENTRIES: usize = 10_000;

/// The names of the entries of the ZIP archive `bytes`, in central directory
/// order, as raw bytes (ZIP names are UTF-8 or CP437; the caller compares
/// them with ASCII names). `None` when `bytes` is not a single-disk,
/// non-ZIP64 archive whose central directory can be read to the end.
pub(crate) fn entry_names(bytes: &[u8]) -> Option<Vec<&[u8]>> {
    let eocd = find_eocd(bytes)?;
    let record = bytes.get(eocd..eocd.checked_add(EOCD_LEN)?)?;
    let disk = u16_at(record, 4)?;
    let central_disk = u16_at(record, 6)?;
    let entries_here = u16_at(record, 8)?;
    let entries = u16_at(record, 10)?;
    let central_size = u32_at(record, 12)?;
    let central_offset = u32_at(record, 16)?;
    if disk != 0 || central_disk != 0 || entries_here != entries {
        return None;
    }
    // ZIP64 marks its real values with all-ones placeholders; an office
    // document small enough to upload never needs it.
    if entries == u16::MAX || central_size == u32::MAX || central_offset == u32::MAX {
        return None;
    }
    let entries = usize::from(entries);
    if entries > MAX_ENTRIES {
        return None;
    }
    let start = usize::try_from(central_offset).ok()?;
    let end = start.checked_add(usize::try_from(central_size).ok()?)?;
    // The central directory lies before its end record.
    if end > eocd {
        return None;
    }
    let central = bytes.get(start..end)?;

    let mut names = Vec::with_capacity(entries);
    let mut at = 0usize;
    for _ in 0..entries {
        let header = central.get(at..at.checked_add(CENTRAL_LEN)?)?;
        if !header.starts_with(CENTRAL_SIGNATURE) {
            return None;
        }
        let name_len = usize::from(u16_at(header, 28)?);
        let extra_len = usize::from(u16_at(header, 30)?);
        let comment_len = usize::from(u16_at(header, 32)?);
        let name_start = at.checked_add(CENTRAL_LEN)?;
        let name_end = name_start.checked_add(name_len)?;
        names.push(central.get(name_start..name_end)?);
        let next = name_end.checked_add(extra_len)?.checked_add(comment_len)?;
        // The extra field and comment must be inside the directory too.
        if next > central.len() {
            return None;
        }
        at = next;
    }
    Some(names)
}

/// Where the End Of Central Directory record starts: the last `PK\x05\x06`
/// within reach of the end whose comment length ends the record exactly at
/// the end of `bytes` (a signature inside the comment, or trailing junk,
/// does not match).
fn find_eocd(bytes: &[u8]) -> Option<usize> {
    let last = bytes.len().checked_sub(EOCD_LEN)?;
    let first = bytes.len().saturating_sub(EOCD_SEARCH);
    (first..=last).rev().find(|&at| {
        bytes[at..].starts_with(EOCD_SIGNATURE)
            && u16_at(bytes, at + 20)
                .is_some_and(|comment| at + EOCD_LEN + usize::from(comment) == bytes.len())
    })
}

/// Little-endian `u16` at `at`, or `None` past the end.
pub(crate) fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    let raw = bytes.get(at..at.checked_add(2)?)?;
    Some(u16::from_le_bytes([raw[0], raw[1]]))
}

/// Little-endian `u32` at `at`, or `None` past the end.
pub(crate) fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    let raw = bytes.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes([raw[0], raw[1], raw[2], raw[3]]))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A stored (uncompressed) ZIP archive of `entries` (name, content):
    /// local headers and data, then the central directory, then the End Of
    /// Central Directory record with `comment`. CRCs are left at zero: the
    /// reader never checks them.
    pub(crate) fn stored_zip(entries: &[(&str, &[u8])], comment: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut central = Vec::new();
        for (name, content) in entries {
            let offset = out.len() as u32;
            let size = content.len() as u32;
            let name_len = name.len() as u16;
            // Local file header.
            out.extend_from_slice(b"PK\x03\x04");
            out.extend_from_slice(&20u16.to_le_bytes()); // version needed
            out.extend_from_slice(&0u16.to_le_bytes()); // flags
            out.extend_from_slice(&0u16.to_le_bytes()); // method: stored
            out.extend_from_slice(&0u32.to_le_bytes()); // time, date
            out.extend_from_slice(&0u32.to_le_bytes()); // crc-32
            out.extend_from_slice(&size.to_le_bytes()); // compressed
            out.extend_from_slice(&size.to_le_bytes()); // uncompressed
            out.extend_from_slice(&name_len.to_le_bytes());
            out.extend_from_slice(&0u16.to_le_bytes()); // extra
            out.extend_from_slice(name.as_bytes());
            out.extend_from_slice(content);
            // Central directory file header.
            central.extend_from_slice(b"PK\x01\x02");
            central.extend_from_slice(&20u16.to_le_bytes()); // made by
            central.extend_from_slice(&20u16.to_le_bytes()); // needed
            central.extend_from_slice(&0u16.to_le_bytes()); // flags
            central.extend_from_slice(&0u16.to_le_bytes()); // method
            central.extend_from_slice(&0u32.to_le_bytes()); // time, date
            central.extend_from_slice(&0u32.to_le_bytes()); // crc-32
            central.extend_from_slice(&size.to_le_bytes());
            central.extend_from_slice(&size.to_le_bytes());
            central.extend_from_slice(&name_len.to_le_bytes());
            central.extend_from_slice(&0u16.to_le_bytes()); // extra
            central.extend_from_slice(&0u16.to_le_bytes()); // comment
            central.extend_from_slice(&0u16.to_le_bytes()); // disk
            central.extend_from_slice(&0u16.to_le_bytes()); // internal attrs
            central.extend_from_slice(&0u32.to_le_bytes()); // external attrs
            central.extend_from_slice(&offset.to_le_bytes());
            central.extend_from_slice(name.as_bytes());
        }
        let central_offset = out.len() as u32;
        out.extend_from_slice(&central);
        out.extend_from_slice(&eocd(
            entries.len() as u16,
            central.len() as u32,
            central_offset,
            comment,
        ));
        out
    }

    /// An End Of Central Directory record.
    pub(crate) fn eocd(entries: u16, size: u32, offset: u32, comment: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(b"PK\x05\x06");
        out.extend_from_slice(&0u16.to_le_bytes()); // this disk
        out.extend_from_slice(&0u16.to_le_bytes()); // central directory disk
        out.extend_from_slice(&entries.to_le_bytes());
        out.extend_from_slice(&entries.to_le_bytes());
        out.extend_from_slice(&size.to_le_bytes());
        out.extend_from_slice(&offset.to_le_bytes());
        out.extend_from_slice(&(comment.len() as u16).to_le_bytes());
        out.extend_from_slice(comment);
        out
    }

    fn names(bytes: &[u8]) -> Option<Vec<String>> {
        entry_names(bytes).map(|names| {
            names
                .into_iter()
                .map(|name| String::from_utf8_lossy(name).into_owned())
                .collect()
        })
    }

    #[test]
    fn reads_names_in_order() {
        let zip = stored_zip(&[("a.txt", b"hello"), ("dir/b.xml", b"<b/>")], b"");
        assert_eq!(names(&zip), Some(vec!["a.txt".into(), "dir/b.xml".into()]));
        assert_eq!(names(&stored_zip(&[], b"")), Some(vec![]));
    }

    #[test]
    fn a_comment_holding_a_signature_does_not_mislead() {
        // One signature too close to the end to hold a record, one whose
        // comment length does not reach the end.
        let comment = b"PK\x05\x06 then twenty-odd bytes of text, and PK\x05\x06";
        let zip = stored_zip(&[("a.txt", b"x")], comment);
        assert_eq!(names(&zip), Some(vec!["a.txt".into()]));
        // Longest comment: the record is found 65 557 bytes from the end.
        let zip = stored_zip(&[("a.txt", b"x")], &vec![b'.'; u16::MAX as usize]);
        assert_eq!(names(&zip), Some(vec!["a.txt".into()]));
    }

    #[test]
    fn refuses_broken_archives() {
        let zip = stored_zip(&[("a.txt", b"hello"), ("b.txt", b"world")], b"");
        // Every truncation loses or misplaces the end record.
        for len in 0..zip.len() {
            assert_eq!(names(&zip[..len]), None, "truncated to {len}");
        }
        // Trailing junk after the end record.
        assert_eq!(names(&[&zip[..], b"junk"].concat()), None);
        // The central directory signature garbled.
        let central = zip.windows(4).position(|w| w == b"PK\x01\x02").unwrap();
        let mut garbled = zip.clone();
        garbled[central + 2] = b'X';
        assert_eq!(names(&garbled), None);
        // A name length running past the directory.
        let mut garbled = zip.clone();
        garbled[central + 28] = 0xFF;
        assert_eq!(names(&garbled), None);
        // More entries announced than the directory holds.
        let eocd_at = zip.len() - EOCD_LEN;
        let mut garbled = zip.clone();
        garbled[eocd_at + 8] = 3;
        garbled[eocd_at + 10] = 3;
        assert_eq!(names(&garbled), None);
        // Disagreeing entry counts, another disk, ZIP64 placeholders.
        for (at, value) in [(8, 1), (4, 1), (6, 1), (16, 0xFF)] {
            let mut garbled = zip.clone();
            garbled[eocd_at + at] = value;
            if at == 16 {
                garbled[eocd_at + 16..eocd_at + 20].fill(0xFF);
            }
            assert_eq!(names(&garbled), None, "byte {at}");
        }
    }

    #[test]
    fn caps_the_number_of_entries() {
        let mut bytes = b"PK\x03\x04".to_vec();
        let count = (MAX_ENTRIES + 1) as u16;
        for _ in 0..count {
            bytes.extend_from_slice(CENTRAL_SIGNATURE);
            bytes.extend_from_slice(&[0; CENTRAL_LEN - 4]);
        }
        let size = (bytes.len() - 4) as u32;
        bytes.extend_from_slice(&eocd(count, size, 4, b""));
        assert_eq!(entry_names(&bytes), None);
        // One fewer is read.
        let mut bytes = b"PK\x03\x04".to_vec();
        for _ in 0..MAX_ENTRIES {
            bytes.extend_from_slice(CENTRAL_SIGNATURE);
            bytes.extend_from_slice(&[0; CENTRAL_LEN - 4]);
        }
        let size = (bytes.len() - 4) as u32;
        bytes.extend_from_slice(&eocd(MAX_ENTRIES as u16, size, 4, b""));
        assert_eq!(entry_names(&bytes).map(|n| n.len()), Some(MAX_ENTRIES));
    }

    proptest! {
        #[test]
        fn never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..256)) {
            let _ = entry_names(&bytes);
        }

        #[test]
        fn never_panics_on_an_eocd_with_random_fields(
            body in proptest::collection::vec(any::<u8>(), 0..256),
            entries in any::<u16>(),
            size in any::<u32>(),
            offset in prop_oneof![any::<u32>(), 0u32..300],
            comment in proptest::collection::vec(any::<u8>(), 0..8),
        ) {
            let bytes = [&body[..], &eocd(entries, size, offset, &comment)].concat();
            let _ = entry_names(&bytes);
        }
    }
}
