//! Links from a bloc de compétences to a ROME skill: where a link comes
//! from and what the campus team decided about it. The engine computes
//! links, the store keeps them and the team reviews them: the three share
//! these words, defined once here.

use serde::{Deserialize, Serialize};

/// Where a link comes from. A curated link is a decision of the campus
/// team and is never replaced by a computed one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    Computed,
    Curated,
}

/// Which skills a computed link was found among: those of the
/// certification's ROME trades, or all skills (the fallback), which the
/// team reviews first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    CertificationTrades,
    AllCompetences,
    /// Set by the team, not searched.
    Curated,
}

/// A decision of the campus team on one bloc–skill pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// The link holds (added by hand, or a computed one confirmed).
    Keep,
    /// The link is wrong: no computation may bring it back.
    Remove,
}
