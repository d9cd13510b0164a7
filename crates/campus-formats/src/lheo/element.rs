//! An XML element held in memory: one LHÉO `<formation>` at a time, with
//! where each element starts, to locate errors and to write it back.

use std::fmt::Write;

use quick_xml::escape::{escape, partial_escape};

/// An element: its local name, attributes in document order, the text it
/// holds (for elements without child elements) and its child elements.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Element {
    pub name: String,
    pub attributes: Vec<(String, String)>,
    pub text: String,
    pub children: Vec<Element>,
    /// 1-based line and column of the `<` that opens it.
    pub line: u64,
    pub column: u64,
}

/// A text value as LHÉO files give it: trimmed, and `-` (the placeholder
/// the language asks for in a required field left blank) read as absent.
fn meaningful(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty() && text != "-").then(|| text.to_owned())
}

impl Element {
    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    pub fn child(&self, name: &str) -> Option<&Element> {
        self.children.iter().find(|c| c.name == name)
    }

    pub fn children<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> + 'a {
        self.children.iter().filter(move |c| c.name == name)
    }

    /// The element at the end of a path of child names.
    pub fn at(&self, path: &[&str]) -> Option<&Element> {
        path.iter()
            .try_fold(self, |element, name| element.child(name))
    }

    /// The meaningful text of this element.
    pub fn value(&self) -> Option<String> {
        meaningful(&self.text)
    }

    /// The meaningful text of the element at `path`.
    pub fn text_at(&self, path: &[&str]) -> Option<String> {
        self.at(path).and_then(Element::value)
    }

    /// The meaningful texts of the children named `name`.
    pub fn texts(&self, name: &str) -> Vec<String> {
        self.children(name).filter_map(Element::value).collect()
    }

    /// Writes the element as XML, without namespace declaration (it takes
    /// the default namespace of where it is written) and without
    /// indentation, so that the same element always gives the same text.
    pub fn write_xml(&self, out: &mut String) {
        let _ = write!(out, "<{}", self.name);
        for (key, value) in &self.attributes {
            let _ = write!(out, " {key}=\"{}\"", escape(value.as_str()));
        }
        if self.children.is_empty() && self.text.is_empty() {
            out.push_str("/>");
            return;
        }
        out.push('>');
        if self.children.is_empty() {
            out.push_str(&partial_escape(self.text.as_str()));
        }
        for child in &self.children {
            child.write_xml(out);
        }
        let _ = write!(out, "</{}>", self.name);
    }

    pub fn to_xml(&self) -> String {
        let mut out = String::new();
        self.write_xml(&mut out);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leaf(name: &str, text: &str) -> Element {
        Element {
            name: name.to_owned(),
            attributes: vec![],
            text: text.to_owned(),
            children: vec![],
            line: 1,
            column: 1,
        }
    }

    #[test]
    fn values_and_xml() {
        let mut root = leaf("formation", "");
        root.attributes.push(("numero".into(), "a\"&<b".into()));
        root.children
            .push(leaf("intitule-formation", " Chimie <fine> & co "));
        root.children.push(leaf("resultats-attendus", "-"));
        root.children.push(leaf("vide", ""));
        assert_eq!(
            root.text_at(&["intitule-formation"]).as_deref(),
            Some("Chimie <fine> & co")
        );
        assert_eq!(root.text_at(&["resultats-attendus"]), None);
        assert_eq!(
            root.to_xml(),
            "<formation numero=\"a&quot;&amp;&lt;b\"><intitule-formation> Chimie &lt;fine&gt; &amp; co </intitule-formation><resultats-attendus>-</resultats-attendus><vide/></formation>"
        );
    }
}
