//! Streaming an LHÉO file one `<formation>` element at a time: memory holds
//! one offer, whatever the size of the file.

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

use super::Element;
use crate::FormatError;

/// The namespaces of the LHÉO versions read: 2.2 (lheo.org) and 2.3
/// (lheo.gouv.fr).
pub const NAMESPACES: [&str; 2] = ["http://www.lheo.org/2.2", "http://lheo.gouv.fr/2.3"];

/// Nesting deeper than this is not LHÉO (its deepest path has about ten
/// levels): refusing it keeps a hostile file from exhausting the stack.
const MAX_DEPTH: usize = 64;

/// A buffered stream that remembers where its lines start, for the part of
/// the stream not yet located: queries come in increasing order, so the
/// memory it keeps is that of one event.
struct Lines<R> {
    inner: R,
    consumed: u64,
    /// Offsets of the newlines consumed but not yet passed by a query.
    newlines: VecDeque<u64>,
    line: u64,
    line_start: u64,
}

impl<R: BufRead> Read for Lines<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let available = self.fill_buf()?;
        let n = available.len().min(buf.len());
        buf[..n].copy_from_slice(&available[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Lines<R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amount: usize) {
        if let Ok(buffer) = self.inner.fill_buf() {
            let end = amount.min(buffer.len());
            for (i, byte) in buffer[..end].iter().enumerate() {
                if *byte == b'\n' {
                    self.newlines.push_back(self.consumed + i as u64);
                }
            }
        }
        self.consumed += amount as u64;
        self.inner.consume(amount);
    }
}

impl<R> Lines<R> {
    /// 1-based line and column of byte `offset`.
    fn locate(&mut self, offset: u64) -> (u64, u64) {
        while let Some(&newline) = self.newlines.front() {
            if newline >= offset {
                break;
            }
            self.newlines.pop_front();
            self.line += 1;
            self.line_start = newline + 1;
        }
        (self.line, offset.saturating_sub(self.line_start) + 1)
    }
}

/// The `<formation>` elements of an LHÉO file, in order. An `Err` is fatal
/// (the XML is broken: nothing after it can be trusted).
pub struct LheoReader {
    name: String,
    reader: Reader<Lines<BufReader<Box<dyn Read + Send>>>>,
    buffer: Vec<u8>,
    /// Elements open outside the current formation (`lheo`, `offres`).
    depth: usize,
    root_seen: bool,
    done: bool,
}

impl LheoReader {
    pub fn open(path: &Path) -> Result<LheoReader, FormatError> {
        let (stream, _) = crate::open(path)?;
        Ok(LheoReader::new(&path.display().to_string(), stream))
    }

    pub fn new(name: &str, stream: Box<dyn Read + Send>) -> LheoReader {
        let lines = Lines {
            inner: BufReader::new(stream),
            consumed: 0,
            newlines: VecDeque::new(),
            line: 1,
            line_start: 0,
        };
        let mut reader = Reader::from_reader(lines);
        reader.config_mut().check_end_names = true;
        LheoReader {
            name: name.to_owned(),
            reader,
            buffer: Vec::new(),
            depth: 0,
            root_seen: false,
            done: false,
        }
    }

    pub fn file_name(&self) -> &str {
        &self.name
    }

    fn error_at(&mut self, offset: u64, message: impl Into<String>) -> FormatError {
        let (line, column) = self.reader.get_mut().locate(offset);
        FormatError::at(&self.name, line, column, message)
    }

    /// Checks that the root is `<lheo>` in a namespace of LHÉO.
    fn check_root(&mut self, start: &BytesStart, offset: u64) -> Result<(), FormatError> {
        let name = local_name(start);
        if name != "lheo" {
            return Err(self.error_at(
                offset,
                format!("élément racine <{name}> : un fichier LHÉO commence par <lheo>"),
            ));
        }
        let namespace = start.attributes().flatten().find_map(|a| {
            let key = a.key.as_ref();
            (key == "xmlns" || key.starts_with("xmlns:"))
                .then(|| {
                    a.normalized_value(XmlVersion::Implicit1_0)
                        .map(|v| v.into_owned())
                        .unwrap_or_default()
                })
                .filter(|v| NAMESPACES.contains(&v.as_str()))
        });
        if namespace.is_none() {
            return Err(self.error_at(
                offset,
                format!(
                    "espace de noms absent ou inconnu : LHÉO 2.2 ({}) ou 2.3 ({}) attendu",
                    NAMESPACES[0], NAMESPACES[1]
                ),
            ));
        }
        self.root_seen = true;
        Ok(())
    }

    /// Reads one `<formation>` whose start tag was just read.
    fn formation(&mut self, start: Element, empty: bool) -> Result<Element, FormatError> {
        if empty {
            return Ok(start);
        }
        let mut stack = vec![start];
        loop {
            let offset = self.reader.buffer_position();
            self.buffer.clear();
            let event = match self.reader.read_event_into(&mut self.buffer) {
                Ok(event) => event.into_owned(),
                Err(e) => {
                    let at = self.reader.error_position();
                    return Err(self.error_at(at, format!("XML invalide : {e}")));
                }
            };
            match event {
                Event::Start(e) => {
                    if stack.len() >= MAX_DEPTH {
                        return Err(self.error_at(offset, "éléments imbriqués trop profondément"));
                    }
                    let element = self.element(&e, offset)?;
                    stack.push(element);
                }
                Event::Empty(e) => {
                    let element = self.element(&e, offset)?;
                    if let Some(parent) = stack.last_mut() {
                        parent.children.push(element);
                    }
                }
                Event::End(_) => {
                    let Some(done) = stack.pop() else {
                        return Err(self.error_at(offset, "fin d'élément inattendue"));
                    };
                    match stack.last_mut() {
                        Some(parent) => parent.children.push(done),
                        None => return Ok(done),
                    }
                }
                Event::Text(e) => {
                    let text = e.xml10_content();
                    self.push_text(&mut stack, &text, offset)?;
                }
                Event::CData(e) => {
                    let text = e.xml10_content();
                    self.push_text(&mut stack, &text, offset)?;
                }
                Event::GeneralRef(e) => {
                    let resolved = match e.resolve_char_ref() {
                        Ok(Some(c)) => c.to_string(),
                        Ok(None) => match resolve_predefined_entity(&e) {
                            Some(s) => s.to_owned(),
                            None => {
                                return Err(
                                    self.error_at(offset, format!("entité inconnue « &{}; »", &*e))
                                );
                            }
                        },
                        Err(err) => {
                            return Err(
                                self.error_at(offset, format!("référence invalide : {err}"))
                            );
                        }
                    };
                    self.push_text(&mut stack, &resolved, offset)?;
                }
                Event::Eof => {
                    return Err(self.error_at(offset, "fichier tronqué dans une formation"));
                }
                Event::Comment(_) | Event::PI(_) | Event::Decl(_) | Event::DocType(_) => {}
            }
        }
    }

    fn push_text(
        &mut self,
        stack: &mut [Element],
        text: &str,
        offset: u64,
    ) -> Result<(), FormatError> {
        if let Some(bad) = text.chars().find(|c| !allowed(*c)) {
            return Err(self.error_at(
                offset,
                format!("caractère interdit en XML (U+{:04X})", u32::from(bad)),
            ));
        }
        if let Some(current) = stack.last_mut() {
            current.text.push_str(text);
        }
        Ok(())
    }

    fn element(&mut self, start: &BytesStart, offset: u64) -> Result<Element, FormatError> {
        let mut attributes = Vec::new();
        for attribute in start.attributes() {
            let attribute = match attribute {
                Ok(a) => a,
                Err(e) => return Err(self.error_at(offset, format!("attribut invalide : {e}"))),
            };
            let key = attribute.key.local_name().as_ref().to_owned();
            if attribute.key.as_ref().starts_with("xmlns") {
                continue;
            }
            let value = match attribute.normalized_value(XmlVersion::Implicit1_0) {
                Ok(v) => v.into_owned(),
                Err(e) => {
                    return Err(self.error_at(offset, format!("attribut {key} invalide : {e}")));
                }
            };
            if let Some(bad) = value.chars().find(|c| !allowed(*c)) {
                return Err(self.error_at(
                    offset,
                    format!("caractère interdit en XML (U+{:04X})", u32::from(bad)),
                ));
            }
            attributes.push((key, value));
        }
        let (line, column) = self.reader.get_mut().locate(offset);
        Ok(Element {
            name: local_name(start),
            attributes,
            text: String::new(),
            children: Vec::new(),
            line,
            column,
        })
    }
}

/// Whether XML 1.0 allows `c` in a document.
fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

fn local_name(start: &BytesStart) -> String {
    start.local_name().as_ref().to_owned()
}

impl Iterator for LheoReader {
    type Item = Result<Element, FormatError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let result = self.next_formation();
        match result {
            Ok(Some(formation)) => Some(Ok(formation)),
            Ok(None) => {
                self.done = true;
                None
            }
            Err(e) => {
                self.done = true;
                Some(Err(e))
            }
        }
    }
}

impl LheoReader {
    fn next_formation(&mut self) -> Result<Option<Element>, FormatError> {
        loop {
            let offset = self.reader.buffer_position();
            self.buffer.clear();
            let event = match self.reader.read_event_into(&mut self.buffer) {
                Ok(event) => event.into_owned(),
                Err(e) => {
                    let at = self.reader.error_position();
                    return Err(self.error_at(at, format!("XML invalide : {e}")));
                }
            };
            match event {
                Event::Start(e) if !self.root_seen => {
                    self.check_root(&e, offset)?;
                    self.depth = 1;
                }
                Event::Empty(e) if !self.root_seen => {
                    self.check_root(&e, offset)?;
                    return Ok(None);
                }
                Event::Start(e) if self.depth == 2 && local_name(&e) == "formation" => {
                    let start = self.element(&e, offset)?;
                    return self.formation(start, false).map(Some);
                }
                Event::Empty(e) if self.depth == 2 && local_name(&e) == "formation" => {
                    let start = self.element(&e, offset)?;
                    return self.formation(start, true).map(Some);
                }
                Event::Start(_) => {
                    self.depth += 1;
                    if self.depth > MAX_DEPTH {
                        return Err(self.error_at(offset, "éléments imbriqués trop profondément"));
                    }
                }
                Event::End(_) => self.depth = self.depth.saturating_sub(1),
                Event::Text(e) if !self.root_seen && !e.xml10_content().trim().is_empty() => {
                    return Err(self.error_at(offset, "texte avant l'élément <lheo>"));
                }
                Event::Eof if !self.root_seen => {
                    return Err(self.error_at(offset, "aucun élément <lheo> : fichier vide ?"));
                }
                Event::Eof => return Ok(None),
                _ => {}
            }
        }
    }
}
