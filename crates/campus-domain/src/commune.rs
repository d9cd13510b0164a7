//! French communes (official geographic code, INSEE), with the postal codes
//! and coordinates that place them on a map.

/// A commune of the official geographic code.
#[derive(Debug, Clone, PartialEq)]
pub struct Commune {
    /// The INSEE code (`45234` for Orléans; `2A004` in Corsica).
    pub code_insee: String,
    pub nom: String,
    /// `commune-actuelle`, `commune-deleguee`, `commune-associee` or
    /// `arrondissement-municipal`.
    pub kind: String,
    pub departement: Option<String>,
    pub region: Option<String>,
    pub codes_postaux: Vec<String>,
    pub population: Option<i64>,
    /// WGS 84 latitude and longitude of the commune.
    pub position: Option<(f64, f64)>,
}
