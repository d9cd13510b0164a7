//! France compétences' XML export of the RNCP (flow 4.x): one `FICHE`
//! element per certification under a `FICHES` root.
//!
//! The full export weighs hundreds of megabytes, so it is read as a stream
//! of events and only the fiche being read is held in memory. A fiche
//! whose content is wrong (bad code, level or date) is rejected with its
//! line and the reading goes on; XML that is not well formed (a truncated
//! file, a tag closed out of order) stops the import with its
//! `line:column`, since nothing after it can be trusted.

use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use campus_domain::CodeRome;
use campus_domain::certification::{Certificateur, CodeCertification, Niveau};
use campus_domain::competences::competences;
use campus_domain::fiche_rncp::{BlocFiche, CodeLibelle, FicheRncp, RomeFiche, VoieAcces};
use quick_xml::events::{BytesRef, Event};

use crate::lines::Lines;
use crate::{FormatError, Record};

/// The fiches of an export file, in order.
pub struct RncpXml<R: BufRead> {
    name: String,
    reader: quick_xml::Reader<Lines<R>>,
    buf: Vec<u8>,
    /// Open elements, from the root.
    path: Vec<String>,
    /// Text of the innermost open element.
    text: String,
    fiche: Option<(Builder, u64)>,
    root_seen: bool,
    done: bool,
}

/// Opens an export file (plain or `.gz`).
pub fn rncp_xml(path: &Path) -> Result<RncpXml<BufReader<Box<dyn Read + Send>>>, FormatError> {
    let (stream, _) = crate::open(path)?;
    Ok(RncpXml::from_reader(
        &path.display().to_string(),
        BufReader::new(stream),
    ))
}

impl<R: BufRead> RncpXml<R> {
    /// The fiches of `input`, reported under the file name `name`.
    pub fn from_reader(name: &str, input: R) -> RncpXml<R> {
        RncpXml {
            name: name.to_owned(),
            reader: quick_xml::Reader::from_reader(Lines::new(input)),
            buf: Vec::new(),
            path: Vec::new(),
            text: String::new(),
            fiche: None,
            root_seen: false,
            done: false,
        }
    }

    pub fn file_name(&self) -> &str {
        &self.name
    }

    fn error_at(&mut self, offset: u64, message: impl Into<String>) -> FormatError {
        let (line, column) = self.reader.get_mut().position(offset);
        FormatError::at(&self.name, line, column, message)
    }

    fn here(&mut self) -> u64 {
        self.reader.buffer_position()
    }

    fn next_fiche(&mut self) -> Result<Option<Record<FicheRncp>>, FormatError> {
        loop {
            self.buf.clear();
            let event = match self.reader.read_event_into(&mut self.buf) {
                Ok(event) => event.into_owned(),
                Err(e) => {
                    let at = self.reader.error_position();
                    return Err(self.error_at(at, format!("XML mal formé : {e}")));
                }
            };
            match event {
                Event::Start(start) => {
                    let name = start.name().as_ref().to_owned();
                    if self.path.is_empty() {
                        if name != "FICHES" {
                            let at = self.here();
                            return Err(self.error_at(
                                at,
                                format!("élément racine <{name}> : <FICHES> attendu"),
                            ));
                        }
                        self.root_seen = true;
                    } else if self.path.len() == 1 && name == "FICHE" {
                        let at = self.here();
                        let (line, _) = self.reader.get_mut().position(at);
                        self.fiche = Some((Builder::default(), line));
                    }
                    self.path.push(name);
                    self.text.clear();
                }
                Event::End(_) => {
                    let depth = self.path.len();
                    if depth == 2 && self.path[1] == "VERSION_FLUX" {
                        let version = self.text.trim().to_owned();
                        if !version.starts_with("4.") {
                            let at = self.here();
                            return Err(self.error_at(
                                at,
                                format!("version du flux « {version} » non prise en charge (4.x attendue)"),
                            ));
                        }
                    }
                    if depth > 2
                        && let Some((builder, _)) = &mut self.fiche
                    {
                        builder.end(&self.path[2..], std::mem::take(&mut self.text));
                    }
                    self.path.pop();
                    self.text.clear();
                    if depth == 2
                        && let Some((builder, line)) = self.fiche.take()
                    {
                        return Ok(Some(match builder.finish() {
                            Ok(fiche) => Record::Valid(fiche, line),
                            Err(reason) => {
                                Record::Rejected(FormatError::new(&self.name, Some(line), reason))
                            }
                        }));
                    }
                }
                Event::Text(text) => self.text.push_str(&text.xml10_content()),
                Event::CData(data) => self.text.push_str(&data.xml10_content()),
                Event::GeneralRef(reference) => match resolve(&reference) {
                    Some(t) => self.text.push_str(&t),
                    None => {
                        let at = self.here();
                        let name = reference.xml10_content();
                        return Err(self.error_at(at, format!("entité inconnue « &{name}; »")));
                    }
                },
                Event::Eof => {
                    let at = self.here();
                    if let Some(open) = self.path.last().cloned() {
                        return Err(self.error_at(
                            at,
                            format!("fin de fichier inattendue : élément <{open}> non fermé (fichier tronqué ?)"),
                        ));
                    }
                    if !self.root_seen {
                        return Err(self.error_at(
                            at,
                            "aucun élément <FICHES> : ce n'est pas un export XML du RNCP",
                        ));
                    }
                    return Ok(None);
                }
                Event::Empty(_)
                | Event::Decl(_)
                | Event::PI(_)
                | Event::Comment(_)
                | Event::DocType(_) => {}
            }
        }
    }
}

impl<R: BufRead> Iterator for RncpXml<R> {
    type Item = Result<Record<FicheRncp>, FormatError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let next = self.next_fiche();
        self.done = !matches!(next, Ok(Some(_)));
        next.transpose()
    }
}

/// The text of a character or predefined entity reference.
fn resolve(reference: &BytesRef<'_>) -> Option<String> {
    if let Ok(Some(c)) = reference.resolve_char_ref() {
        return Some(c.to_string());
    }
    quick_xml::escape::resolve_predefined_entity(&reference.xml10_content()).map(str::to_owned)
}

/// A code and label being read (`<CODE>` then `<LIBELLE>`).
#[derive(Default)]
struct Pair {
    code: Option<String>,
    libelle: Option<String>,
}

#[derive(Default)]
struct BlocBuilder {
    code: Option<String>,
    libelle: Option<String>,
    liste: Option<String>,
    modalites: Option<String>,
}

/// The fields of the fiche being read, as text until it is complete.
#[derive(Default)]
struct Builder {
    numero: Option<String>,
    intitule: Option<String>,
    actif: Option<String>,
    etat: Option<String>,
    type_code: Option<String>,
    type_libelle: Option<String>,
    niveau: Option<String>,
    type_enregistrement: Option<String>,
    date_publication: Option<String>,
    date_effet: Option<String>,
    date_fin_enregistrement: Option<String>,
    date_limite_delivrance: Option<String>,
    activites_visees: Option<String>,
    capacites_attestees: Option<String>,
    secteurs_activite: Option<String>,
    types_emplois: Option<String>,
    objectifs_contexte: Option<String>,
    bloc: BlocBuilder,
    blocs: Vec<BlocBuilder>,
    pair: Pair,
    romes: Vec<Pair>,
    nsf: Vec<Pair>,
    formacodes: Vec<Pair>,
    siret: Option<String>,
    nom_certificateur: Option<String>,
    certificateurs: Vec<(Option<String>, Option<String>)>,
    anciennes: Vec<String>,
    nouvelles: Vec<String>,
    voies: Vec<VoieAcces>,
}

fn clean(text: String) -> Option<String> {
    let trimmed = text.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_owned())
}

/// An optional `JJ/MM/AAAA` date as `AAAA-MM-JJ`.
fn date(field: &str, value: Option<String>) -> Result<Option<String>, String> {
    match value {
        None => Ok(None),
        Some(value) => crate::dates::french_date(&value)
            .map(Some)
            .ok_or_else(|| format!("{field} : date invalide « {value} » (JJ/MM/AAAA attendu)")),
    }
}

fn certification(value: &str) -> Result<CodeCertification, String> {
    CodeCertification::parse(value)
        .map_err(|_| format!("code de certification invalide « {value} »"))
}

impl Builder {
    /// The element at `path` (below `FICHE`) closed with `text`.
    fn end(&mut self, path: &[String], text: String) {
        let path: Vec<&str> = path.iter().map(String::as_str).collect();
        let value = clean(text);
        match path.as_slice() {
            ["NUMERO_FICHE"] => self.numero = value,
            ["INTITULE"] => self.intitule = value,
            ["ACTIF"] => self.actif = value,
            ["ETAT_FICHE"] => self.etat = value,
            ["ABREGE", "CODE"] => self.type_code = value,
            ["ABREGE", "LIBELLE"] => self.type_libelle = value,
            ["NOMENCLATURE_EUROPE", "NIVEAU"] => self.niveau = value,
            ["TYPE_ENREGISTREMENT"] => self.type_enregistrement = value,
            ["DATE_DE_PUBLICATION"] => self.date_publication = value,
            ["DATE_EFFET"] => self.date_effet = value,
            ["DATE_FIN_ENREGISTREMENT"] => self.date_fin_enregistrement = value,
            ["DATE_LIMITE_DELIVRANCE"] => self.date_limite_delivrance = value,
            ["ACTIVITES_VISEES"] => self.activites_visees = value,
            ["CAPACITES_ATTESTEES"] => self.capacites_attestees = value,
            ["SECTEURS_ACTIVITE"] => self.secteurs_activite = value,
            ["TYPE_EMPLOI_ACCESSIBLES"] => self.types_emplois = value,
            ["OBJECTIFS_CONTEXTE"] => self.objectifs_contexte = value,
            ["BLOCS_COMPETENCES", "BLOC_COMPETENCES", field] => match *field {
                "CODE" => self.bloc.code = value,
                "LIBELLE" => self.bloc.libelle = value,
                "LISTE_COMPETENCES" => self.bloc.liste = value,
                "MODALITES_EVALUATION" => self.bloc.modalites = value,
                _ => {}
            },
            ["BLOCS_COMPETENCES", "BLOC_COMPETENCES"] => {
                self.blocs.push(std::mem::take(&mut self.bloc));
            }
            ["CODES_ROME" | "CODES_NSF" | "FORMACODES", _, "CODE"] => self.pair.code = value,
            ["CODES_ROME" | "CODES_NSF" | "FORMACODES", _, "LIBELLE"] => self.pair.libelle = value,
            ["CODES_ROME", "ROME"] => self.romes.push(std::mem::take(&mut self.pair)),
            ["CODES_NSF", "NSF"] => self.nsf.push(std::mem::take(&mut self.pair)),
            ["FORMACODES", "FORMACODE"] => self.formacodes.push(std::mem::take(&mut self.pair)),
            ["CERTIFICATEURS", "CERTIFICATEUR", "SIRET_CERTIFICATEUR"] => self.siret = value,
            ["CERTIFICATEURS", "CERTIFICATEUR", "NOM_CERTIFICATEUR"] => {
                self.nom_certificateur = value;
            }
            ["CERTIFICATEURS", "CERTIFICATEUR"] => self
                .certificateurs
                .push((self.siret.take(), self.nom_certificateur.take())),
            [
                "ANCIENNES_CERTIFICATIONS",
                _,
                "ID_FICHE_ANCIENNE_CERTIFICATION",
            ] => {
                self.anciennes.extend(value);
            }
            [
                "NOUVELLES_CERTIFICATIONS",
                _,
                "ID_FICHE_NOUVELLE_CERTIFICATION",
            ] => {
                self.nouvelles.extend(value);
            }
            // A route the register may add later is not one of ours: it
            // is left out rather than misnamed.
            [jury, "ACTIF"] if value.as_deref() == Some("Oui") => {
                if let Some(voie) = jury.strip_prefix("SI_JURY_").and_then(VoieAcces::from_code)
                    && !self.voies.contains(&voie)
                {
                    self.voies.push(voie);
                }
            }
            _ => {}
        }
    }

    fn finish(self) -> Result<FicheRncp, String> {
        let numero = certification(self.numero.as_deref().ok_or("NUMERO_FICHE absent")?)?;
        let actif = match self.actif.as_deref() {
            Some("Oui") => true,
            Some("Non") => false,
            Some(other) => return Err(format!("ACTIF : « {other} » au lieu de Oui ou Non")),
            None => return Err("ACTIF absent".to_owned()),
        };
        let niveau = match self.niveau.as_deref() {
            None | Some("NIV0" | "SANS") => None,
            Some(code) => Some(
                code.strip_prefix("NIV")
                    .and_then(|n| n.parse::<u8>().ok())
                    .and_then(Niveau::new)
                    .ok_or_else(|| {
                        format!("niveau européen invalide « {code} » (NIV3 à NIV8 attendu)")
                    })?,
            ),
        };
        let blocs = self
            .blocs
            .into_iter()
            .map(|b| {
                let code = b.code.ok_or("bloc sans code")?;
                if !code
                    .strip_prefix(numero.as_str())
                    .is_some_and(|rest| rest.starts_with("BC"))
                {
                    return Err(format!(
                        "bloc {code} : n'appartient pas à la fiche {numero}"
                    ));
                }
                if code.len() > 32 {
                    return Err(format!("code de bloc trop long « {code} »"));
                }
                Ok(BlocFiche {
                    libelle: b
                        .libelle
                        .ok_or_else(|| format!("bloc {code} sans intitulé"))?,
                    competences: b.liste.as_deref().map(competences).unwrap_or_default(),
                    code,
                    liste_competences: b.liste,
                    modalites_evaluation: b.modalites,
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        let romes = self
            .romes
            .into_iter()
            .map(|p| {
                let code = p.code.ok_or("code ROME absent")?;
                Ok(RomeFiche {
                    code: CodeRome::parse(&code)
                        .map_err(|_| format!("code ROME invalide « {code} »"))?,
                    libelle: p.libelle.unwrap_or_default(),
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        let pairs = |list: Vec<Pair>, what: &str| {
            list.into_iter()
                .map(|p| {
                    let code = p.code.ok_or_else(|| format!("code {what} absent"))?;
                    if code.chars().count() > 16 {
                        return Err(format!("code {what} trop long « {code} »"));
                    }
                    Ok(CodeLibelle {
                        code,
                        libelle: p.libelle.unwrap_or_default(),
                    })
                })
                .collect::<Result<Vec<_>, String>>()
        };
        let certificateurs = self
            .certificateurs
            .into_iter()
            .map(|(siret, nom)| {
                if let Some(s) = &siret
                    && (s.len() != 14 || !s.bytes().all(|b| b.is_ascii_digit()))
                {
                    return Err(format!("SIRET invalide « {s} »"));
                }
                Ok(Certificateur {
                    certification: numero.clone(),
                    siret,
                    nom: nom.ok_or("certificateur sans nom")?,
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        Ok(FicheRncp {
            intitule: self.intitule.ok_or("INTITULE absent")?,
            actif,
            etat: self.etat,
            type_code: self.type_code,
            type_libelle: self.type_libelle,
            niveau,
            type_enregistrement: self.type_enregistrement,
            date_publication: date("DATE_DE_PUBLICATION", self.date_publication)?,
            date_effet: date("DATE_EFFET", self.date_effet)?,
            date_fin_enregistrement: date("DATE_FIN_ENREGISTREMENT", self.date_fin_enregistrement)?,
            date_limite_delivrance: date("DATE_LIMITE_DELIVRANCE", self.date_limite_delivrance)?,
            activites_visees: self.activites_visees,
            capacites_attestees: self.capacites_attestees,
            secteurs_activite: self.secteurs_activite,
            types_emplois: self.types_emplois,
            objectifs_contexte: self.objectifs_contexte,
            blocs,
            romes,
            nsf: pairs(self.nsf, "NSF")?,
            formacodes: pairs(self.formacodes, "Formacode")?,
            certificateurs,
            anciennes: self
                .anciennes
                .iter()
                .map(|c| certification(c))
                .collect::<Result<_, _>>()?,
            nouvelles: self
                .nouvelles
                .iter()
                .map(|c| certification(c))
                .collect::<Result<_, _>>()?,
            voies: self.voies,
            numero,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn sample() -> Option<std::path::PathBuf> {
        campus_testkit::national_data("échantillon de l'export XML du RNCP").map(|d| {
            d.join("rncp_xml_sample/export-fiches-rncp-v4.1-extract_RNCP35340_RNCP40792.xml")
        })
    }

    fn read(xml: &str) -> Vec<Result<Record<FicheRncp>, FormatError>> {
        RncpXml::from_reader("test.xml", xml.as_bytes()).collect()
    }

    #[test]
    fn the_real_sample() {
        let Some(sample) = sample() else {
            return;
        };
        let fiches: Vec<(FicheRncp, u64)> = rncp_xml(&sample)
            .unwrap()
            .map(|r| match r.unwrap() {
                Record::Valid(f, line) => (f, line),
                Record::Rejected(e) => panic!("{e}"),
            })
            .collect();
        assert_eq!(fiches.len(), 2);
        let (old, old_line) = &fiches[0];
        assert_eq!((old.numero.as_str(), *old_line), ("RNCP35340", 4));
        assert!(!old.actif);
        assert_eq!(old.nouvelles[0].as_str(), "RNCP40792");
        assert_eq!(old.anciennes[0].as_str(), "RNCP17108");
        assert_eq!(old.blocs.len(), 5);
        assert_eq!(old.blocs[0].competences.len(), 6);
        let (new, _) = &fiches[1];
        assert_eq!(new.numero.as_str(), "RNCP40792");
        assert!(new.actif);
        assert_eq!(new.niveau.map(Niveau::value), Some(5));
        assert_eq!(new.type_code.as_deref(), Some("BTS"));
        assert_eq!(new.date_effet.as_deref(), Some("2025-09-01"));
        assert_eq!(new.date_limite_delivrance.as_deref(), Some("2031-08-31"));
        assert_eq!(new.anciennes[0].as_str(), "RNCP35340");
        assert_eq!(new.blocs.len(), 5);
        let bc01 = &new.blocs[0];
        assert_eq!(bc01.code, "RNCP40792BC01");
        assert_eq!(
            bc01.competences[0].libelle,
            "Gérer le patrimoine informatique"
        );
        assert_eq!(bc01.competences[1].niveau, 2);
        assert!(bc01.modalites_evaluation.is_some());
        assert_eq!(
            new.romes
                .iter()
                .map(|r| r.code.as_str())
                .collect::<Vec<_>>(),
            ["M1810", "M1801", "M1805"]
        );
        assert_eq!(new.nsf[0].code, "326");
        assert_eq!(new.formacodes.len(), 2);
        assert_eq!(
            new.certificateurs[0].siret.as_deref(),
            Some("11004401300040")
        );
        assert_eq!(new.voies.len(), 6);
        assert!(
            new.activites_visees
                .as_deref()
                .unwrap_or_default()
                .starts_with("Activités communes")
        );
    }

    #[test]
    fn entities_and_cdata_are_text() {
        let xml = "<FICHES><FICHE><NUMERO_FICHE>RNCP1</NUMERO_FICHE><INTITULE>R&amp;D &#233;<![CDATA[ <b>]]></INTITULE><ACTIF>Oui</ACTIF></FICHE></FICHES>";
        match read(xml).remove(0).unwrap() {
            Record::Valid(f, 1) => assert_eq!(f.intitule, "R&D é <b>"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_bad_fiche_is_rejected_and_the_next_is_read() {
        let xml = "<FICHES>\n<FICHE><NUMERO_FICHE>RNCP1</NUMERO_FICHE><INTITULE>A</INTITULE><ACTIF>Oui</ACTIF><NOMENCLATURE_EUROPE><NIVEAU>NIV9</NIVEAU></NOMENCLATURE_EUROPE></FICHE>\n<FICHE><NUMERO_FICHE>RNCP2</NUMERO_FICHE><INTITULE>B</INTITULE><ACTIF>Non</ACTIF><DATE_EFFET>31/02/20</DATE_EFFET></FICHE>\n<FICHE><NUMERO_FICHE>RNCP3</NUMERO_FICHE><INTITULE>C</INTITULE><ACTIF>Non</ACTIF></FICHE></FICHES>";
        let records = read(xml);
        assert_eq!(records.len(), 3);
        match &records[0] {
            Ok(Record::Rejected(e)) => assert_eq!(
                e.to_string(),
                "test.xml:2: niveau européen invalide « NIV9 » (NIV3 à NIV8 attendu)"
            ),
            other => panic!("{other:?}"),
        }
        match &records[1] {
            Ok(Record::Rejected(e)) => assert!(
                e.to_string().contains(":3: DATE_EFFET : date invalide"),
                "{e}"
            ),
            other => panic!("{other:?}"),
        }
        assert!(matches!(records[2], Ok(Record::Valid(_, 4))));
    }

    #[test]
    fn a_truncated_file_is_an_error_with_line_and_column() {
        let Some(sample) = sample() else {
            return;
        };
        let text = std::fs::read_to_string(sample).unwrap();
        let cut = &text[..text.len() / 2];
        let records: Vec<_> = RncpXml::from_reader("coupé.xml", cut.as_bytes()).collect();
        let error = records.last().unwrap().as_ref().unwrap_err();
        let lines = cut.lines().count() as u64;
        assert_eq!(error.line, Some(lines), "{error}");
        assert!(error.column.is_some());
        assert!(error.to_string().contains("non fermé"), "{error}");
        // A tag closed out of order.
        let error = read("<FICHES>\n  <FICHE><INTITULE>x</ACTIF>")
            .pop()
            .unwrap()
            .unwrap_err();
        assert_eq!((error.line, error.column), (Some(2), Some(21)), "{error}");
        let error = read("<RACINE/>").pop().unwrap().unwrap_err();
        assert!(
            error.to_string().contains("aucun élément <FICHES>"),
            "{error}"
        );
        let error = read("<FICHES><VERSION_FLUX>3.0</VERSION_FLUX></FICHES>")
            .pop()
            .unwrap()
            .unwrap_err();
        assert!(error.to_string().contains("3.0"), "{error}");
    }

    proptest! {
        #[test]
        fn any_bytes_give_fiches_or_errors_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
            let mut count = 0;
            for record in RncpXml::from_reader("fuzz.xml", bytes.as_slice()) {
                count += 1;
                prop_assert!(count < 4096);
                let _ = record.map(|r| matches!(r, Record::Valid(..)));
            }
        }

        #[test]
        fn mutated_fiches_never_panic(cut in 0usize..3000, insert in "[<>&/A-Z;#x0-9 ]{0,8}") {
            let base = "<FICHES><VERSION_FLUX>4.1</VERSION_FLUX><FICHE><NUMERO_FICHE>RNCP40792</NUMERO_FICHE><INTITULE>BTS</INTITULE><ACTIF>Oui</ACTIF><NOMENCLATURE_EUROPE><NIVEAU>NIV5</NIVEAU></NOMENCLATURE_EUROPE><BLOCS_COMPETENCES><BLOC_COMPETENCES><CODE>RNCP40792BC01</CODE><LIBELLE>Support</LIBELLE><LISTE_COMPETENCES>* Gérer  o Recenser</LISTE_COMPETENCES></BLOC_COMPETENCES></BLOCS_COMPETENCES><CODES_ROME><ROME><CODE>M1810</CODE><LIBELLE>x</LIBELLE></ROME></CODES_ROME><SI_JURY_FI><ACTIF>Oui</ACTIF></SI_JURY_FI><DATE_EFFET>01/09/2025</DATE_EFFET></FICHE></FICHES>";
            let at = cut % base.len();
            let at = (0..=at).rev().find(|i| base.is_char_boundary(*i)).unwrap_or(0);
            let xml = format!("{}{insert}{}", &base[..at], &base[at..]);
            for record in RncpXml::from_reader("fuzz.xml", xml.as_bytes()) {
                let _ = record.map(|r| matches!(r, Record::Valid(..)));
            }
        }
    }
}
