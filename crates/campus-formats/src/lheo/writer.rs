//! Writing offers as an LHÉO 2.3 document, one `<formation>` after the
//! other, so that an export of any size streams.

use std::io::{self, Write};

use super::NAMESPACES;

/// An LHÉO 2.3 document being written to `W`.
#[derive(Debug)]
pub struct LheoWriter<W: Write> {
    out: W,
}

impl<W: Write> LheoWriter<W> {
    /// Writes the prologue and opens `<lheo><offres>`.
    pub fn start(mut out: W) -> io::Result<LheoWriter<W>> {
        write!(
            out,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<lheo xmlns=\"{}\">\n<offres>\n",
            NAMESPACES[1]
        )?;
        Ok(LheoWriter { out })
    }

    /// Writes one `<formation>` element, as [`super::Element::to_xml`] gives
    /// it (no namespace declaration: it takes the document's).
    pub fn formation(&mut self, xml: &str) -> io::Result<()> {
        self.out.write_all(xml.as_bytes())?;
        self.out.write_all(b"\n")
    }

    /// The output written so far: a caller streaming over a buffer takes
    /// what it holds between offers.
    pub fn output_mut(&mut self) -> &mut W {
        &mut self.out
    }

    /// Closes the document and hands back the output.
    pub fn finish(mut self) -> io::Result<W> {
        self.out.write_all(b"</offres>\n</lheo>\n")?;
        self.out.flush()?;
        Ok(self.out)
    }
}
