//! The catalogue as search documents: one producer per kind, each reading
//! its tables in a few queries (never one per row), so that a node rebuilds
//! its whole index in seconds.

use std::collections::{BTreeMap, HashMap, HashSet};

use campus_domain::search::{DocumentKind, Modalite, SearchDocument};
use campus_domain::{GeoPoint, Sector};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::entity::{
    certifinfo, certifinfo_rome, commune, commune_code_postal, formation, formation_action,
    formation_code, organisation, rncp_bloc, rncp_fiche, rncp_fiche_code, rncp_lignee,
    rome_appellation, rome_competence, rome_fiche, rome_fiche_competence, rome_texte,
};
use crate::{Store, StoreError};

/// An offer as the search finds it: by its title, its employer, its
/// place and its trade; a work-study contract counts as apprenticeship.
fn offre_as_document(o: &crate::insertion::Offre, sector: &Sector) -> SearchDocument {
    let mut keywords: Vec<String> = Vec::new();
    keywords.extend(o.employeur.clone());
    keywords.push(o.commune_nom.clone());
    keywords.extend(o.metier_libelle.clone());
    keywords.extend(o.competences.iter().map(|(_, l)| l.clone()));
    SearchDocument {
        kind: DocumentKind::Offre,
        id: o.id.to_string(),
        url: format!("/offres/{}", o.id),
        title: o.intitule.clone(),
        keywords,
        text: vec![o.description.clone()],
        niveau: o.niveau.map(|n| n.value()),
        modalites: if o.type_offre.is_alternance() {
            vec![Modalite::Apprentissage]
        } else {
            vec![]
        },
        departement: o.departement.clone(),
        secteur: o
            .code_rome
            .as_ref()
            .is_some_and(|c| sector.contains_rome(c.as_str())),
        position: o.position,
        en_vigueur: true,
        metiers: o.code_rome.iter().map(|c| c.as_str().to_owned()).collect(),
    }
}

/// A resource as the search finds it: by title, kind, publics, licence,
/// trades, certifications and blocs; its lowest level and its trades are
/// the facets the site's search shares with the catalogue.
fn ressource_as_document(r: &crate::ressources::Ressource) -> SearchDocument {
    let mut keywords = vec![
        r.type_ressource.as_str().replace('_', " "),
        r.licence.sigle().to_owned(),
        "ressource pédagogique".to_owned(),
    ];
    keywords.extend(r.audiences.iter().map(|a| a.as_str().replace('_', " ")));
    for (code, label) in r.certifications.iter().chain(&r.blocs) {
        keywords.push(code.clone());
        keywords.push(label.clone());
    }
    keywords.extend(r.metiers.iter().map(|(_, l)| l.clone()));
    keywords.extend(r.auteurs.clone());
    SearchDocument {
        kind: DocumentKind::Ressource,
        id: r.id.to_string(),
        url: format!("/ressources/{}", r.id),
        title: r.titre.clone(),
        keywords,
        text: vec![r.description.clone()],
        niveau: r.niveaux.first().map(|n| n.value()),
        modalites: vec![],
        departement: None,
        secteur: true,
        position: None,
        en_vigueur: true,
        metiers: r
            .metiers
            .iter()
            .map(|(c, _)| c.as_str().to_owned())
            .collect(),
    }
}

/// An expert as the search finds them: by title, name, organisation and
/// subjects; never by their address.
fn expert_as_document(e: &crate::expertise::Expert) -> SearchDocument {
    let mut keywords: Vec<String> = e.sujets.iter().map(|(_, l)| l.clone()).collect();
    keywords.push(e.nom.clone());
    keywords.extend(e.organisation_nom.clone());
    keywords.push("expert intervenant".to_owned());
    SearchDocument {
        kind: DocumentKind::Expert,
        id: e.id.to_string(),
        url: format!("/experts/{}", e.id),
        title: e.titre.clone(),
        keywords,
        text: e.presentation.iter().cloned().collect(),
        niveau: None,
        modalites: vec![],
        departement: e.departement.clone(),
        secteur: true,
        position: e.position,
        en_vigueur: true,
        metiers: vec![],
    }
}

/// A public project as the search finds it: by its title, kind, partners
/// and trades; every project of the campus belongs to its sector.
fn projet_as_document(p: &crate::projets::Projet) -> SearchDocument {
    let mut keywords: Vec<String> = p.organisations.iter().map(|o| o.nom.clone()).collect();
    keywords.extend(p.metiers.iter().map(|(_, l)| l.clone()));
    keywords.extend(p.certifications.iter().map(|(_, l)| l.clone()));
    keywords.extend(p.equipements.iter().map(|e| e.nom.clone()));
    keywords.push(
        match p.type_projet {
            campus_domain::projet::TypeProjet::WeLab => "We Lab pré-incubation start-up",
            campus_domain::projet::TypeProjet::EcoleRecherche => "projet école recherche",
            campus_domain::projet::TypeProjet::InitiationRecherche => {
                "initiation à la recherche lycéens"
            }
            campus_domain::projet::TypeProjet::PedagogiqueIndustriel => {
                "projet pédagogique industriel"
            }
        }
        .to_owned(),
    );
    let mut text = vec![p.resume.clone()];
    text.extend(p.resultats.clone());
    SearchDocument {
        kind: DocumentKind::Projet,
        id: p.id.to_string(),
        url: format!("/projets/{}", p.slug),
        title: p.titre.clone(),
        keywords,
        text,
        niveau: None,
        modalites: vec![],
        departement: p.organisations.iter().find_map(|o| o.departement.clone()),
        secteur: true,
        position: None,
        en_vigueur: true,
        metiers: p
            .metiers
            .iter()
            .map(|(c, _)| c.as_str().to_owned())
            .collect(),
    }
}

impl Store {
    /// Every trade (ROME fiche), its job titles, then its skills and
    /// knowledge (« Bonnes pratiques de fabrication », « stérilisation »)
    /// as keywords, its definition as text: people look for a trade by
    /// what it does as often as by its name.
    pub async fn metier_documents(
        &self,
        sector: &Sector,
    ) -> Result<Vec<SearchDocument>, StoreError> {
        let db = self.conn();
        let mut appellations: HashMap<String, Vec<String>> = HashMap::new();
        for a in rome_appellation::Entity::find()
            .order_by_asc(rome_appellation::Column::Libelle)
            .all(db)
            .await?
        {
            appellations.entry(a.code_rome).or_default().push(a.libelle);
        }
        let mut definitions: HashMap<String, Vec<String>> = HashMap::new();
        for t in rome_texte::Entity::find()
            .filter(rome_texte::Column::Kind.eq("definition"))
            .order_by_asc(rome_texte::Column::Position)
            .all(db)
            .await?
        {
            definitions.entry(t.code_rome).or_default().push(t.texte);
        }
        let mut skills: HashMap<String, Vec<String>> = HashMap::new();
        let labels: HashMap<i64, String> = rome_competence::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|c| (c.code_ogr, c.libelle))
            .collect();
        for link in rome_fiche_competence::Entity::find()
            .order_by_asc(rome_fiche_competence::Column::CodeRome)
            .order_by_asc(rome_fiche_competence::Column::CodeOgr)
            .all(db)
            .await?
        {
            if let Some(label) = labels.get(&link.code_ogr) {
                skills
                    .entry(link.code_rome)
                    .or_default()
                    .push(label.clone());
            }
        }
        let fiches = rome_fiche::Entity::find()
            .order_by_asc(rome_fiche::Column::CodeRome)
            .all(db)
            .await?;
        Ok(fiches
            .into_iter()
            .map(|f| {
                let mut keywords = vec![f.code_rome.clone()];
                keywords.extend(appellations.remove(&f.code_rome).unwrap_or_default());
                keywords.extend(f.domaine_libelle);
                keywords.extend(f.grand_domaine_libelle);
                keywords.extend(skills.remove(&f.code_rome).unwrap_or_default());
                SearchDocument {
                    kind: DocumentKind::Metier,
                    url: format!("/metiers/{}", f.code_rome),
                    title: f.libelle,
                    keywords,
                    text: definitions.remove(&f.code_rome).unwrap_or_default(),
                    niveau: None,
                    modalites: vec![],
                    departement: None,
                    secteur: sector.contains_rome(&f.code_rome),
                    position: None,
                    en_vigueur: true,
                    metiers: vec![],
                    id: f.code_rome,
                }
            })
            .collect())
    }

    /// Every certification with a register code (RNCP or RS), as its page
    /// shows it: the Certif Info entries of the code (options) grouped, its
    /// blocs of skills as text. In the sector when it leads to one of the
    /// sector's trades or has one of its NSF or Formacode codes.
    pub async fn certification_documents(
        &self,
        sector: &Sector,
    ) -> Result<Vec<SearchDocument>, StoreError> {
        let db = self.conn();
        let sector_diplomes: HashSet<i64> = certifinfo_rome::Entity::find()
            .filter(certifinfo_rome::Column::CodeRome.is_in(sector.romes().map(str::to_owned)))
            .all(db)
            .await?
            .into_iter()
            .map(|l| l.code_diplome)
            .collect();
        let mut blocs: HashMap<String, Vec<String>> = HashMap::new();
        for b in rncp_bloc::Entity::find()
            .order_by_asc(rncp_bloc::Column::Code)
            .all(db)
            .await?
        {
            blocs.entry(b.certification).or_default().push(b.libelle);
        }
        // (former, successor) pairs of the RNCP lineage. The successor is
        // also found by the former title: people keep typing the name they
        // know (« bac pro bio-industries de transformation » is now « …
        // production en industries pharmaceutiques, alimentaires et
        // cosmétiques »).
        let mut successors: Vec<(String, String)> = rncp_lignee::Entity::find()
            .filter(rncp_lignee::Column::Relation.eq("nouvelle"))
            .all(db)
            .await?
            .into_iter()
            .filter(|l| l.autre != l.certification)
            .map(|l| (l.certification, l.autre))
            .collect();
        // Replaced by a newer certification, or marked inactive by the
        // register's own fiche.
        let mut superseded: HashSet<String> = successors
            .iter()
            .map(|(former, _)| former.clone())
            .collect();
        superseded.extend(
            rncp_fiche::Entity::find()
                .filter(rncp_fiche::Column::Actif.eq(false))
                .all(db)
                .await?
                .into_iter()
                .map(|f| f.numero),
        );
        // The trades each certification leads to, by Certif Info's entry
        // and by the register's own fiche.
        let mut romes_by_diplome: HashMap<i64, Vec<String>> = HashMap::new();
        for link in certifinfo_rome::Entity::find()
            .order_by_asc(certifinfo_rome::Column::CodeRome)
            .all(db)
            .await?
        {
            romes_by_diplome
                .entry(link.code_diplome)
                .or_default()
                .push(link.code_rome);
        }
        let mut romes_by_code: HashMap<String, Vec<String>> = HashMap::new();
        for link in rncp_fiche_code::Entity::find()
            .filter(rncp_fiche_code::Column::Referentiel.eq("rome"))
            .order_by_asc(rncp_fiche_code::Column::Code)
            .all(db)
            .await?
        {
            romes_by_code
                .entry(link.certification)
                .or_default()
                .push(link.code);
        }
        let mut by_code: BTreeMap<String, Vec<certifinfo::Model>> = BTreeMap::new();
        for entry in certifinfo::Entity::find()
            .order_by_asc(certifinfo::Column::CodeDiplome)
            .all(db)
            .await?
        {
            // Renewed by this entry (Certif Info's « ancien RNCP »).
            if let Some(old) = &entry.ancien_rncp
                && entry.code_rncp.as_ref() != Some(old)
            {
                superseded.insert(old.clone());
                if let Some(new) = entry.code_rncp.clone() {
                    successors.push((old.clone(), new));
                }
            }
            if let Some(code) = entry.code_rncp.clone().or_else(|| entry.code_rs.clone()) {
                by_code.entry(code).or_default().push(entry);
            }
        }
        let mut former_titles: HashMap<String, Vec<String>> = HashMap::new();
        for (old, new) in successors {
            if let Some(title) = by_code.get(&old).and_then(|e| e.first()) {
                former_titles
                    .entry(new)
                    .or_default()
                    .push(title.libelle.clone());
            }
        }
        Ok(by_code
            .into_iter()
            .filter_map(|(code, entries)| {
                let first = entries.first()?;
                let title = first.libelle.clone();
                let mut keywords = vec![code.clone()];
                let mut metiers = romes_by_code.remove(&code).unwrap_or_default();
                for e in &entries {
                    metiers.extend(
                        romes_by_diplome
                            .get(&e.code_diplome)
                            .into_iter()
                            .flatten()
                            .cloned(),
                    );
                }
                metiers.sort_unstable();
                metiers.dedup();
                for former in former_titles.remove(&code).unwrap_or_default() {
                    if says_more(&former, &title) && !keywords.contains(&former) {
                        keywords.push(former);
                    }
                }
                for e in &entries {
                    for value in [
                        Some(&e.libelle),
                        e.type_libelle.as_ref(),
                        e.formacode_libelle.as_ref(),
                        e.certificateur.as_ref(),
                        e.valideur.as_ref(),
                    ]
                    .into_iter()
                    .flatten()
                    {
                        if *value != title && !keywords.contains(value) {
                            keywords.push(value.clone());
                        }
                    }
                }
                Some(SearchDocument {
                    kind: DocumentKind::Certification,
                    url: format!("/certifications/{code}"),
                    title,
                    keywords,
                    text: blocs.remove(&code).unwrap_or_default(),
                    niveau: entries
                        .iter()
                        .filter_map(|e| e.niveau.and_then(|n| u8::try_from(n).ok()))
                        .max(),
                    modalites: vec![],
                    departement: None,
                    secteur: entries.iter().any(|e| {
                        sector_diplomes.contains(&e.code_diplome)
                            || sector.covers([], e.nsf.as_deref(), e.formacode.as_deref())
                    }),
                    position: None,
                    en_vigueur: !superseded.contains(&code),
                    metiers,
                    id: code,
                })
            })
            .collect())
    }

    /// Every training, placed at its first located action (the one a
    /// search by distance measures from), with the modalities of all its
    /// actions. In the sector when one of its ROME, NSF or Formacode codes
    /// is, or when it prepares a certification leading to a sector trade.
    pub async fn formation_documents(
        &self,
        sector: &Sector,
    ) -> Result<Vec<SearchDocument>, StoreError> {
        let db = self.conn();
        let mut codes: HashMap<String, Vec<formation_code::Model>> = HashMap::new();
        for c in formation_code::Entity::find().all(db).await? {
            codes.entry(c.formation_id.clone()).or_default().push(c);
        }
        let mut actions: HashMap<String, Vec<formation_action::Model>> = HashMap::new();
        for a in formation_action::Entity::find()
            .order_by_asc(formation_action::Column::Id)
            .all(db)
            .await?
        {
            actions.entry(a.formation_id.clone()).or_default().push(a);
        }
        let sector_diplomes: Vec<i64> = certifinfo_rome::Entity::find()
            .filter(certifinfo_rome::Column::CodeRome.is_in(sector.romes().map(str::to_owned)))
            .all(db)
            .await?
            .into_iter()
            .map(|l| l.code_diplome)
            .collect();
        let sector_registers: HashSet<String> = certifinfo::Entity::find()
            .filter(certifinfo::Column::CodeDiplome.is_in(sector_diplomes))
            .all(db)
            .await?
            .into_iter()
            .flat_map(|c| [c.code_rncp, c.code_rs])
            .flatten()
            .collect();
        let formations = formation::Entity::find()
            .order_by_asc(formation::Column::Id)
            .all(db)
            .await?;
        Ok(formations
            .into_iter()
            .map(|f| {
                let codes = codes.remove(&f.id).unwrap_or_default();
                let actions = actions.remove(&f.id).unwrap_or_default();
                let codes_ref = &codes;
                let of = move |kind: &'static str| {
                    codes_ref
                        .iter()
                        .filter(move |c| c.kind == kind)
                        .map(|c| c.code.as_str())
                };
                let secteur = sector.covers(of("rome"), of("nsf"), of("formacode"))
                    || of("rncp")
                        .chain(of("rs"))
                        .any(|c| sector_registers.contains(c));
                let mut keywords = vec![f.organisme_nom.clone()];
                keywords.extend(codes.iter().map(|c| c.code.clone()));
                for a in &actions {
                    for place in [&a.lieu_ville, &a.lieu_nom].into_iter().flatten() {
                        if !keywords.contains(place) {
                            keywords.push(place.clone());
                        }
                    }
                }
                let located = actions
                    .iter()
                    .find(|a| a.latitude.is_some() && a.longitude.is_some());
                let mut modalites: Vec<Modalite> = actions
                    .iter()
                    .filter_map(|a| Modalite::parse(&a.modalite))
                    .collect();
                modalites.sort();
                modalites.dedup();
                SearchDocument {
                    kind: DocumentKind::Formation,
                    url: format!("/formations/{}", f.id),
                    title: f.intitule,
                    keywords,
                    text: [f.objectif, f.contenu, f.resultats_attendus]
                        .into_iter()
                        .flatten()
                        .map(|t| without_tags(&t))
                        .collect(),
                    niveau: f.niveau_sortie.and_then(|n| u8::try_from(n).ok()),
                    modalites,
                    departement: located
                        .or(actions.first())
                        .and_then(|a| a.lieu_departement.clone()),
                    secteur,
                    position: located.and_then(|a| GeoPoint::from_columns(a.latitude, a.longitude)),
                    en_vigueur: true,
                    metiers: vec![],
                    id: f.id,
                }
            })
            .collect())
    }

    /// Every open offer: the index holds offers only while they take
    /// applications (see [`crate::insertion`]).
    pub async fn offre_documents(
        &self,
        sector: &Sector,
    ) -> Result<Vec<SearchDocument>, StoreError> {
        let offers = self
            .insertion()
            .offres(&crate::insertion::FiltreOffres {
                ouvertes: true,
                ..Default::default()
            })
            .await?;
        Ok(offers
            .iter()
            .map(|o| offre_as_document(o, sector))
            .collect())
    }

    /// One offer, for an index update right after it changed: `None`
    /// when it no longer takes applications (closed, filled, expired).
    pub async fn offre_document(
        &self,
        id: i32,
        sector: &Sector,
    ) -> Result<Option<SearchDocument>, StoreError> {
        let o = match self.insertion().offre(id).await {
            Ok(o) => o,
            Err(StoreError::NotFound) => return Ok(None),
            Err(e) => return Err(e),
        };
        Ok(o.is_open(self.clock().today())
            .then(|| offre_as_document(&o, sector)))
    }

    /// Every expert of the directory (withdrawn ones are not).
    pub async fn expert_documents(&self) -> Result<Vec<SearchDocument>, StoreError> {
        let experts = self
            .expertise()
            .experts(&crate::expertise::FiltreExperts::default())
            .await?;
        Ok(experts.iter().map(expert_as_document).collect())
    }

    /// One expert, for an index update right after their profile changed:
    /// `None` once withdrawn.
    pub async fn expert_document(&self, id: i32) -> Result<Option<SearchDocument>, StoreError> {
        let e = match self.expertise().expert(id).await {
            Ok(e) => e,
            Err(StoreError::NotFound) => return Ok(None),
            Err(e) => return Err(e),
        };
        Ok(
            (e.etat != campus_domain::expertise::EtatProfil::Retire)
                .then(|| expert_as_document(&e)),
        )
    }

    /// Every approved public resource of the library.
    pub async fn ressource_documents(&self) -> Result<Vec<SearchDocument>, StoreError> {
        Ok(self
            .ressources()
            .publiques(&crate::ressources::FiltreRessources::default())
            .await?
            .iter()
            .map(ressource_as_document)
            .collect())
    }

    /// One resource, for an index update right after it changed: `None`
    /// unless approved and public.
    pub async fn ressource_document(&self, id: i32) -> Result<Option<SearchDocument>, StoreError> {
        let r = match self.ressources().ressource(id).await {
            Ok(r) => r,
            Err(StoreError::NotFound) => return Ok(None),
            Err(e) => return Err(e),
        };
        Ok(r.est_publique().then(|| ressource_as_document(&r)))
    }

    /// Every public project: the showcase.
    pub async fn projet_documents(&self) -> Result<Vec<SearchDocument>, StoreError> {
        let store = self.projets();
        let list = store
            .liste(&crate::projets::FiltreProjets {
                publics: true,
                ..Default::default()
            })
            .await?;
        let mut documents = Vec::with_capacity(list.len());
        for p in list {
            documents.push(projet_as_document(&store.projet(p.id).await?));
        }
        Ok(documents)
    }

    /// One project, for an index update right after it changed: `None`
    /// when it is not public.
    pub async fn projet_document(&self, id: i32) -> Result<Option<SearchDocument>, StoreError> {
        let p = match self.projets().projet(id).await {
            Ok(p) => p,
            Err(StoreError::NotFound) => return Ok(None),
            Err(e) => return Err(e),
        };
        Ok(p.public.then(|| projet_as_document(&p)))
    }

    /// Every organisation of the network (all belong to the campus),
    /// placed at its commune when the commune is known.
    pub async fn organisation_documents(&self) -> Result<Vec<SearchDocument>, StoreError> {
        let rows = organisation::Entity::find()
            .order_by_asc(organisation::Column::Nom)
            .all(self.conn())
            .await?;
        self.organisations_as_documents(rows).await
    }

    /// One organisation, for an index update right after it was edited.
    pub async fn organisation_document(&self, id: i32) -> Result<SearchDocument, StoreError> {
        let row = organisation::Entity::find_by_id(id)
            .one(self.conn())
            .await?
            .ok_or(StoreError::NotFound)?;
        self.organisations_as_documents(vec![row])
            .await?
            .pop()
            .ok_or(StoreError::NotFound)
    }

    async fn organisations_as_documents(
        &self,
        rows: Vec<organisation::Model>,
    ) -> Result<Vec<SearchDocument>, StoreError> {
        let places = self.places_of(&rows).await?;
        Ok(rows
            .into_iter()
            .map(|o| {
                let mut keywords: Vec<String> = vec![o.kind.replace('_', " ")];
                keywords.extend(o.commune.clone());
                keywords.extend(o.code_postal.clone());
                keywords.extend(o.adresse.clone());
                let position = places.get(&o.id).copied();
                SearchDocument {
                    kind: DocumentKind::Organisation,
                    id: o.slug.clone(),
                    url: format!("/organisations/{}", o.slug),
                    title: o.nom,
                    keywords,
                    text: vec![o.description],
                    niveau: None,
                    modalites: vec![],
                    departement: o.departement,
                    secteur: true,
                    position,
                    en_vigueur: true,
                    metiers: vec![],
                }
            })
            .collect())
    }

    /// The position of each organisation: its own when a catalogue gave it;
    /// else the commune of its postal code whose name matches the one given
    /// (ignoring case, accents, hyphens), else the most populated commune
    /// of the postal code; without a known postal code (none, or a CEDEX
    /// one), the most populated commune of that name, in its département
    /// when given. Each organisation is one lookup in tables built once:
    /// the directory holds thousands of them.
    async fn places_of(
        &self,
        rows: &[organisation::Model],
    ) -> Result<HashMap<i32, GeoPoint>, StoreError> {
        use sea_orm::sea_query::{Expr, ExprTrait, Func};
        let mut places = HashMap::new();
        let mut unplaced = Vec::new();
        for o in rows {
            match GeoPoint::from_columns(o.latitude, o.longitude) {
                Some(point) => {
                    places.insert(o.id, point);
                }
                None => unplaced.push(o),
            }
        }
        let codes: HashSet<String> = unplaced
            .iter()
            .filter_map(|o| o.code_postal.clone())
            .collect();
        let names: HashSet<String> = unplaced
            .iter()
            .filter_map(|o| o.commune.as_deref().map(str::to_lowercase))
            .collect();
        if codes.is_empty() && names.is_empty() {
            return Ok(places);
        }
        let links = commune_code_postal::Entity::find()
            .filter(commune_code_postal::Column::CodePostal.is_in(codes))
            .all(self.conn())
            .await?;
        let communes = commune::Entity::find()
            .filter(
                sea_orm::Condition::any()
                    .add(
                        commune::Column::CodeInsee
                            .is_in(links.iter().map(|l| l.code_insee.clone())),
                    )
                    .add(Expr::expr(Func::lower(Expr::col(commune::Column::Nom))).is_in(names)),
            )
            .filter(commune::Column::Kind.eq("commune-actuelle"))
            .filter(commune::Column::Latitude.is_not_null())
            .order_by_desc(commune::Column::Population)
            .all(self.conn())
            .await?;
        // Rank of each commune (most populated first), its postal codes,
        // and the communes of each name, in that order.
        let rank: HashMap<&str, usize> = communes
            .iter()
            .enumerate()
            .map(|(i, c)| (c.code_insee.as_str(), i))
            .collect();
        let mut by_code: HashMap<&str, Vec<usize>> = HashMap::new();
        for l in &links {
            if let Some(&i) = rank.get(l.code_insee.as_str()) {
                by_code.entry(l.code_postal.as_str()).or_default().push(i);
            }
        }
        for served in by_code.values_mut() {
            served.sort_unstable();
            served.dedup();
        }
        let slugs: Vec<String> = communes
            .iter()
            .map(|c| campus_domain::slugify(&c.nom))
            .collect();
        let mut by_name: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, slug) in slugs.iter().enumerate() {
            by_name.entry(slug.as_str()).or_default().push(i);
        }
        for o in unplaced {
            let wanted = o.commune.as_deref().map(campus_domain::slugify);
            let named = |i: &usize| Some(&slugs[*i]) == wanted.as_ref();
            let served: &[usize] = o
                .code_postal
                .as_deref()
                .and_then(|cp| by_code.get(cp))
                .map_or(&[], Vec::as_slice);
            let chosen = served
                .iter()
                .find(|i| named(i))
                .or_else(|| served.first())
                .copied()
                .or_else(|| {
                    wanted
                        .as_deref()
                        .and_then(|w| by_name.get(w))
                        .and_then(|same| {
                            same.iter().copied().find(|&i| {
                                o.departement.is_none() || communes[i].departement == o.departement
                            })
                        })
                });
            if let Some(point) = chosen
                .and_then(|i| GeoPoint::from_columns(communes[i].latitude, communes[i].longitude))
            {
                places.insert(o.id, point);
            }
        }
        Ok(places)
    }
}

/// Text without the HTML markup some sources embed in descriptions: tags
/// are not words anyone searches for.
fn without_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Whether `former` has a word that `title` lacks, short linking words
/// aside: a former title that only differs by its inclusive endings
/// (« technicien(ne) »), its case or a « de » would add nothing but
/// weight, while « BP » or « bio-industries » is what people still type.
fn says_more(former: &str, title: &str) -> bool {
    const LINKING: &[&str] = &[
        "de", "du", "des", "la", "le", "les", "en", "et", "au", "aux",
    ];
    let slug = campus_domain::slugify(&without_endings(title));
    let words: HashSet<&str> = slug.split('-').collect();
    campus_domain::slugify(&without_endings(former))
        .split('-')
        .any(|w| w.len() >= 2 && !LINKING.contains(&w) && !words.contains(w))
}

/// `text` without the inclusive endings in brackets (« (ne) », « (e) »).
fn without_endings(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('(') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find(')') {
            Some(close) if close <= 3 && after[..close].chars().all(char::is_alphabetic) => {
                rest = &after[close + 1..];
            }
            _ => {
                out.push('(');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::says_more;

    #[test]
    fn a_former_title_is_kept_when_it_has_other_words() {
        assert!(says_more(
            "Bac pro bio-industries de transformation",
            "Bac pro production en industries pharmaceutiques, alimentaires et cosmétiques"
        ));
        assert!(!says_more(
            "Titre professionnel technicien(ne) supérieur(e) en production industrielle",
            "Titre professionnel technicien supérieur en production industrielle"
        ));
        assert!(!says_more(
            "BTS Métiers de la chimie",
            "BTS métiers de la chimie"
        ));
        assert!(says_more(
            "BP préparateur en pharmacie",
            "DEUST spécialité préparateur / technicien en pharmacie"
        ));
        assert!(!says_more(
            "Agent(e) de tri (option A)",
            "Agent de tri option A"
        ));
    }
}
