//! The evaluation's annual report ([`campus_domain::evaluation::rapport`])
//! in the forms it is published in: SVG charts ([`graphique`]), an XLSX
//! workbook ([`classeur`]) and the PDF report ([`rapport_pdf`]). Each
//! depends on the report only, so that a frozen report renders to the
//! same bytes years later.

pub mod classeur;
pub mod graphique;
pub mod rapport_pdf;
