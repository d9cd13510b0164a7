//! Training documents made from the real catalogue, for measuring the
//! search on the catalogue it will become (every region's training
//! sessions: hundreds of thousands of documents) while the shared data
//! holds a few thousand.
//!
//! The real documents come first, unchanged; the generated ones follow,
//! each a session of a real training or of a real certification in a real
//! commune: real titles and register codes, real organisation names,
//! communes drawn more often where people live, varied modalities, levels
//! and start dates. The seed is fixed and each call starts the sequence
//! again, so a size is a prefix of every larger size and both engines of a
//! run index the very same documents.

use campus_domain::GeoPoint;
use campus_domain::search::{DocumentKind, Modalite, SearchDocument};
use rand::distributions::WeightedIndex;
use rand::prelude::*;

use crate::common::Result;

/// Seed of every generated sequence.
const SEED: u64 = 20_261_206;

/// Longest description taken from a real training, in bytes: real ones
/// range from a line to pages; at a million documents the longest would
/// make the corpus weigh gigabytes without telling more about the
/// engines.
const MAX_TEXT: usize = 1_500;

/// A commune where sessions take place.
#[derive(Clone, Debug)]
pub struct Place {
    pub nom: String,
    pub departement: Option<String>,
    pub point: GeoPoint,
    pub population: i64,
}

pub struct Generator<'a> {
    real: &'a [SearchDocument],
    trainings: Vec<&'a SearchDocument>,
    certifications: Vec<&'a SearchDocument>,
    organisations: Vec<&'a str>,
    places: Vec<Place>,
    /// Communes drawn by population (square root: small towns have
    /// training centres too).
    place_weights: WeightedIndex<f64>,
}

/// Modalities of a session and how often they are offered.
const MODALITES: [(&[Modalite], u32); 6] = [
    (&[Modalite::Continue], 40),
    (&[Modalite::Apprentissage], 20),
    (&[Modalite::Initiale], 15),
    (&[Modalite::Initiale, Modalite::Apprentissage], 10),
    (&[Modalite::Continue, Modalite::Vae], 10),
    (&[Modalite::Vae], 5),
];

const MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

const RHYTHMS: [&str; 6] = [
    "à temps plein",
    "en cours du soir",
    "en alternance, deux semaines en centre, deux en entreprise",
    "à temps partiel, deux jours par semaine",
    "en formation ouverte à distance avec regroupements mensuels",
    "en parcours individualisé, entrées et sorties permanentes",
];

/// A string cut at a character boundary at most `max` bytes in.
fn cut(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

impl<'a> Generator<'a> {
    /// From the real documents (of every kind; they head every sequence)
    /// and the communes with coordinates.
    pub fn new(real: &'a [SearchDocument], places: Vec<Place>) -> Result<Generator<'a>> {
        let of = |kind| real.iter().filter(move |d| d.kind == kind);
        let trainings: Vec<&SearchDocument> = of(DocumentKind::Formation).collect();
        let certifications: Vec<&SearchDocument> = of(DocumentKind::Certification).collect();
        let mut organisations: Vec<&str> = trainings
            .iter()
            .filter_map(|t| t.keywords.first().map(String::as_str))
            .chain(of(DocumentKind::Organisation).map(|o| o.title.as_str()))
            .filter(|name| !name.trim().is_empty())
            .collect();
        organisations.sort_unstable();
        organisations.dedup();
        if trainings.is_empty() || certifications.is_empty() || places.is_empty() {
            return Err(
                "il faut des formations, des certifications et des communes réelles (campus import all)"
                    .into(),
            );
        }
        let place_weights =
            WeightedIndex::new(places.iter().map(|p| (p.population.max(1) as f64).sqrt()))?;
        Ok(Generator {
            real,
            trainings,
            certifications,
            organisations,
            places,
            place_weights,
        })
    }

    pub fn real_len(&self) -> usize {
        self.real.len()
    }

    /// The first `n` documents: the real ones, then generated trainings.
    pub fn documents(&self, n: usize) -> impl Iterator<Item = SearchDocument> + '_ {
        let mut rng = StdRng::seed_from_u64(SEED);
        let modalites = MODALITES.map(|(_, w)| w);
        // The weights are constants, all positive.
        let modalite_weights = WeightedIndex::new(modalites).ok();
        self.real.iter().take(n).cloned().chain(
            (0..n.saturating_sub(self.real.len()))
                .map(move |i| self.session(i, &mut rng, modalite_weights.as_ref())),
        )
    }

    fn session(
        &self,
        i: usize,
        rng: &mut StdRng,
        modalite_weights: Option<&WeightedIndex<u32>>,
    ) -> SearchDocument {
        let template = self.trainings[rng.gen_range(0..self.trainings.len())];
        let certification = self.certifications[rng.gen_range(0..self.certifications.len())];
        let place = &self.places[self.place_weights.sample(rng)];
        let organisation = self
            .organisations
            .get(rng.gen_range(0..self.organisations.len().max(1)))
            .copied()
            .unwrap_or("Organisme de formation");
        let modalites = modalite_weights
            .map_or(MODALITES[0].0, |w| MODALITES[w.sample(rng)].0)
            .to_vec();
        let from_certification = rng.gen_bool(0.5);
        let title = match (from_certification, rng.gen_range(0..4)) {
            (false, _) => template.title.clone(),
            (true, 0) => format!("Préparation au {}", certification.title),
            (true, 1) if modalites.contains(&Modalite::Apprentissage) => {
                format!("{} en apprentissage", certification.title)
            }
            (true, _) => certification.title.clone(),
        };
        let month = MONTHS[rng.gen_range(0..MONTHS.len())];
        let year = rng.gen_range(2027..=2028);
        let day = rng.gen_range(1..=28);
        let hours = rng.gen_range(7..=320) * 5;
        let rhythm = RHYTHMS[rng.gen_range(0..RHYTHMS.len())];
        let session = format!(
            "Session du {day} {month} {year} à {} ({}), {hours} heures {rhythm}. \
             Organisme : {organisation}.",
            place.nom,
            place.departement.as_deref().unwrap_or("")
        );
        let mut text: Vec<String> = if from_certification {
            certification.text.iter().take(3).cloned().collect()
        } else {
            template
                .text
                .first()
                .map(|t| cut(t, MAX_TEXT).to_owned())
                .into_iter()
                .collect()
        };
        text.push(session);
        let niveau = if from_certification {
            certification.niveau
        } else {
            template.niveau
        }
        .or_else(|| Some(rng.gen_range(3..=7)));
        // Up to a kilometre or two from the commune's centre, so that
        // sessions of one town are not all at the same distance.
        let jitter = |rng: &mut StdRng| rng.gen_range(-0.015..0.015);
        let point = GeoPoint::new(
            place.point.lat() + jitter(rng),
            place.point.lon() + jitter(rng),
        )
        .unwrap_or(place.point);
        // Any field added to documents later keeps the real training's
        // value.
        let mut d = template.clone();
        d.kind = DocumentKind::Formation;
        d.id = format!("gen{i}");
        d.url = format!("/formations/gen{i}");
        d.title = title;
        d.keywords = vec![
            organisation.to_owned(),
            certification.id.clone(),
            place.nom.clone(),
        ];
        d.text = text;
        d.niveau = niveau;
        d.modalites = modalites;
        d.departement = place.departement.clone();
        d.secteur = if from_certification {
            certification.secteur
        } else {
            template.secteur
        };
        d.position = Some(point);
        d
    }
}
