//! Line and column of a byte offset in a stream read once.
//!
//! An XML parser reports byte offsets; people need `line:column`. The
//! offsets of the line breaks consumed so far are kept only until a
//! position past them is asked for, so memory stays bounded by what the
//! parser reads ahead, not by the file.

use std::collections::VecDeque;
use std::io::{self, BufRead, Read};

/// A buffered reader that notes where lines end as its bytes are consumed.
pub(crate) struct Lines<R> {
    inner: R,
    consumed: u64,
    /// Line breaks before the last position asked for.
    lines_before: u64,
    /// Offset of the last of those line breaks.
    last_break: Option<u64>,
    /// Offsets of the line breaks consumed after it.
    pending: VecDeque<u64>,
}

impl<R> Lines<R> {
    pub(crate) fn new(inner: R) -> Lines<R> {
        Lines {
            inner,
            consumed: 0,
            lines_before: 0,
            last_break: None,
            pending: VecDeque::new(),
        }
    }

    fn note(&mut self, bytes: &[u8]) {
        let start = self.consumed;
        self.pending.extend(
            bytes
                .iter()
                .enumerate()
                .filter(|(_, b)| **b == b'\n')
                .map(|(i, _)| start + i as u64),
        );
        self.consumed += bytes.len() as u64;
    }

    /// The 1-based line and column (in bytes) of `offset`. Positions are
    /// asked for in increasing order; an earlier one is placed at the
    /// start of the line of the last answer.
    pub(crate) fn position(&mut self, offset: u64) -> (u64, u64) {
        while let Some(&next) = self.pending.front() {
            if next >= offset {
                break;
            }
            self.pending.pop_front();
            self.lines_before += 1;
            self.last_break = Some(next);
        }
        let line_start = self.last_break.map_or(0, |b| b + 1);
        (self.lines_before + 1, offset.saturating_sub(line_start) + 1)
    }
}

impl<R: Read> Read for Lines<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.note(&buf[..n]);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Lines<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amount: usize) {
        // The buffer is already filled: this reads nothing new.
        let taken = match self.inner.fill_buf() {
            Ok(buf) => buf[..amount.min(buf.len())].to_vec(),
            Err(_) => Vec::new(),
        };
        self.note(&taken);
        self.consumed += (amount - taken.len()) as u64;
        self.inner.consume(amount);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::BufReader;

    #[test]
    fn positions_across_small_buffers() {
        let text = "ab\ncdé\n\nxyz";
        let mut lines = Lines::new(BufReader::with_capacity(2, text.as_bytes()));
        let mut all = String::new();
        lines.read_to_string(&mut all).ok();
        assert_eq!(all, text);
        assert_eq!(lines.position(0), (1, 1));
        assert_eq!(lines.position(4), (2, 2));
        assert_eq!(lines.position(9), (4, 1));
        assert_eq!(lines.position(11), (4, 3));
        // Buffered consumption counts the same way.
        let mut lines = Lines::new(BufReader::with_capacity(3, text.as_bytes()));
        while let Ok(buf) = lines.fill_buf() {
            if buf.is_empty() {
                break;
            }
            let n = buf.len().min(2);
            lines.consume(n);
        }
        assert_eq!(lines.position(9), (4, 1));
        assert!(lines.pending.is_empty());
    }
}
