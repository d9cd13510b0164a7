//! Places on the ground: the one point type of the platform and the one
//! distance between two points. Search « near a commune », the training
//! path's maximum distance from home and the import placing a training
//! given only by its coordinates all measure with [`GeoPoint::distance_km`].
//!
//! Distances are great-circle distances (haversine) on a sphere of the
//! IUGG mean Earth radius: within 0.5 % of the ellipsoid everywhere, which
//! is far below what « à moins de 30 km » means, and numerically stable for
//! very close points, unlike the spherical law of cosines. There is no road
//! network in the catalogue: a radius is what people ask for.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

/// Mean radius of the Earth (IUGG, R1 = (2a + b) / 3), in kilometres.
pub const EARTH_RADIUS_KM: f64 = 6371.0088;

/// A point in decimal degrees (WGS 84), as LHÉO, La Poste and the INSEE
/// give them. Finite, latitude within ±90°, longitude within ±180°: built
/// only through [`GeoPoint::new`], deserialised through it too, so that no
/// file or document brings in a point off the globe.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "RawPoint")]
pub struct GeoPoint {
    lat: f64,
    lon: f64,
}

#[derive(Deserialize)]
struct RawPoint {
    lat: f64,
    lon: f64,
}

impl TryFrom<RawPoint> for GeoPoint {
    type Error = GeoPointError;

    fn try_from(raw: RawPoint) -> Result<GeoPoint, GeoPointError> {
        GeoPoint::new(raw.lat, raw.lon)
    }
}

/// Coordinates that are no point on Earth.
#[derive(Debug, Clone, Copy, PartialEq, thiserror::Error)]
#[error("coordonnées invalides : latitude {lat}, longitude {lon}")]
pub struct GeoPointError {
    pub lat: f64,
    pub lon: f64,
}

impl GeoPoint {
    pub fn new(lat: f64, lon: f64) -> Result<GeoPoint, GeoPointError> {
        if lat.is_finite() && lon.is_finite() && lat.abs() <= 90.0 && lon.abs() <= 180.0 {
            Ok(GeoPoint { lat, lon })
        } else {
            Err(GeoPointError { lat, lon })
        }
    }

    /// The point of optional coordinates, as the database stores them:
    /// `None` when one is missing or they are no point on Earth.
    pub fn from_columns(lat: Option<f64>, lon: Option<f64>) -> Option<GeoPoint> {
        GeoPoint::new(lat?, lon?).ok()
    }

    pub fn lat(self) -> f64 {
        self.lat
    }

    pub fn lon(self) -> f64 {
        self.lon
    }

    /// Great-circle distance in kilometres (see the module documentation).
    pub fn distance_km(self, other: GeoPoint) -> f64 {
        let (lat1, lat2) = (self.lat.to_radians(), other.lat.to_radians());
        let dlat = lat2 - lat1;
        let dlon = (other.lon - self.lon).to_radians();
        let h = (dlat / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * (dlon / 2.0).sin().powi(2);
        2.0 * EARTH_RADIUS_KM * h.sqrt().min(1.0).asin()
    }

    /// The latitude and longitude spans (degrees) that contain every point
    /// within `radius_km`: a cheap first filter (a database range) before
    /// exact distances.
    pub fn bounding_box(self, radius_km: f64) -> ((f64, f64), (f64, f64)) {
        let dlat = (radius_km / EARTH_RADIUS_KM).to_degrees();
        let cos = self.lat.to_radians().cos().abs().max(0.01);
        let dlon = (dlat / cos).min(180.0);
        (
            (self.lat - dlat, self.lat + dlat),
            (self.lon - dlon, self.lon + dlon),
        )
    }
}

/// Size of a cell of [`Nearest`], in degrees (about 11 km of latitude).
const CELL: f64 = 0.1;
/// How many rings of cells are searched at most (about 35 km at the
/// latitudes of France).
const MAX_RING: i64 = 5;

/// The points of one cell of the grid, with their values.
type Cell<T> = Vec<(GeoPoint, T)>;

/// Points bucketed on a grid of 0.1°, to find the nearest one to a
/// position without comparing it with every point.
#[derive(Debug, Default)]
pub struct Nearest<T> {
    cells: HashMap<(i64, i64), Cell<T>>,
}

fn cell(position: GeoPoint) -> (i64, i64) {
    (
        (position.lat / CELL).floor() as i64,
        (position.lon / CELL).floor() as i64,
    )
}

impl<T> Nearest<T> {
    pub fn new() -> Nearest<T> {
        Nearest {
            cells: HashMap::new(),
        }
    }

    pub fn insert(&mut self, position: GeoPoint, value: T) {
        self.cells
            .entry(cell(position))
            .or_default()
            .push((position, value));
    }

    pub fn is_empty(&self) -> bool {
        self.cells.is_empty()
    }

    /// The point nearest to `position` within about 35 km, with its
    /// distance; `None` when there is none so close (at sea, abroad).
    pub fn nearest(&self, position: GeoPoint) -> Option<(&T, f64)> {
        let (row, column) = cell(position);
        // Every point outside the rings searched so far is at least this
        // far: `ring` cells along a parallel, the narrower direction.
        let beyond = |ring: i64| ring as f64 * CELL * 111.0 * position.lat.to_radians().cos().abs();
        let mut best: Option<(&T, f64)> = None;
        for ring in 0..=MAX_RING {
            for dr in -ring..=ring {
                for dc in -ring..=ring {
                    if dr.abs() != ring && dc.abs() != ring {
                        continue;
                    }
                    let points = self.cells.get(&(row + dr, column + dc));
                    for (point, value) in points.into_iter().flatten() {
                        let d = position.distance_km(*point);
                        if best.is_none_or(|(_, b)| d < b) {
                            best = Some((value, d));
                        }
                    }
                }
            }
            if best.is_some_and(|(_, d)| d <= beyond(ring)) {
                return best;
            }
        }
        // A point found only in the outer ring may not be the nearest.
        None
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use proptest::prelude::*;

    fn p(lat: f64, lon: f64) -> GeoPoint {
        GeoPoint::new(lat, lon).unwrap()
    }

    fn orleans() -> GeoPoint {
        p(47.9029, 1.9093)
    }

    fn tours() -> GeoPoint {
        p(47.3941, 0.6848)
    }

    #[test]
    fn known_distances() {
        let d = orleans().distance_km(tours());
        assert!((104.0..108.0).contains(&d), "{d}");
        assert_eq!(orleans().distance_km(orleans()), 0.0);
        // Antipodes: half the circumference.
        let half = p(0.0, 0.0).distance_km(p(0.0, 180.0));
        assert!((half - std::f64::consts::PI * EARTH_RADIUS_KM).abs() < 1e-6);
        // One degree of latitude: about 111.2 km.
        assert!((p(47.0, 1.0).distance_km(p(48.0, 1.0)) - 111.19).abs() < 0.01);
    }

    #[test]
    fn coordinates_are_checked() {
        assert!(GeoPoint::new(91.0, 0.0).is_err());
        assert!(GeoPoint::new(0.0, -180.5).is_err());
        assert!(GeoPoint::new(f64::NAN, 0.0).is_err());
        assert!(GeoPoint::new(0.0, f64::INFINITY).is_err());
        assert!(GeoPoint::new(-90.0, 180.0).is_ok());
        assert_eq!(GeoPoint::from_columns(Some(47.39), None), None);
        assert_eq!(GeoPoint::from_columns(Some(147.39), Some(0.0)), None);
        assert_eq!(
            GeoPoint::from_columns(Some(47.39), Some(0.68)),
            Some(p(47.39, 0.68))
        );
    }

    #[test]
    fn deserialising_checks_the_coordinates() {
        let point: GeoPoint = serde_json::from_str(r#"{"lat":47.39,"lon":0.68}"#).unwrap();
        assert_eq!(point, p(47.39, 0.68));
        assert!(serde_json::from_str::<GeoPoint>(r#"{"lat":91.0,"lon":0.0}"#).is_err());
        assert_eq!(
            serde_json::to_string(&point).unwrap(),
            r#"{"lat":47.39,"lon":0.68}"#
        );
    }

    #[test]
    fn nearest_commune() {
        let mut grid = Nearest::new();
        grid.insert(orleans(), "45234");
        grid.insert(tours(), "37261");
        grid.insert(p(47.8438, 1.9266), "45285"); // Saint-Jean-le-Blanc
        assert_eq!(grid.nearest(p(47.9, 1.91)).map(|n| *n.0), Some("45234"));
        assert_eq!(grid.nearest(p(47.40, 0.70)).map(|n| *n.0), Some("37261"));
        assert_eq!(grid.nearest(p(43.3, 5.4)), None);
    }

    fn point() -> impl Strategy<Value = GeoPoint> {
        (-90.0f64..=90.0, -180.0f64..=180.0).prop_map(|(lat, lon)| p(lat, lon))
    }

    proptest! {
        #[test]
        fn distance_is_a_metric_on_the_sphere(a in point(), b in point(), c in point()) {
            let ab = a.distance_km(b);
            prop_assert!(ab.is_finite() && (0.0..=std::f64::consts::PI * EARTH_RADIUS_KM + 1e-6).contains(&ab));
            prop_assert!((ab - b.distance_km(a)).abs() < 1e-6);
            prop_assert!(a.distance_km(a) < 1e-9);
            prop_assert!(a.distance_km(c) <= ab + b.distance_km(c) + 1e-6);
        }

        #[test]
        fn the_box_holds_every_point_within_the_radius(
            center in (41.0f64..51.5, -5.5f64..10.0),
            other in (41.0f64..51.5, -5.5f64..10.0),
            radius_km in 0.1f64..200.0,
        ) {
            let (center, other) = (p(center.0, center.1), p(other.0, other.1));
            let ((lat0, lat1), (lon0, lon1)) = center.bounding_box(radius_km);
            if center.distance_km(other) <= radius_km {
                prop_assert!(other.lat() >= lat0 && other.lat() <= lat1);
                prop_assert!(other.lon() >= lon0 && other.lon() <= lon1);
            }
        }

        #[test]
        fn the_grid_finds_what_a_full_scan_finds(
            points in proptest::collection::vec((46.0f64..49.0, 0.0f64..3.0), 1..60),
            probe in (46.0f64..49.0, 0.0f64..3.0),
        ) {
            let probe = p(probe.0, probe.1);
            let points: Vec<GeoPoint> = points.into_iter().map(|(a, b)| p(a, b)).collect();
            let mut grid = Nearest::new();
            for (i, q) in points.iter().enumerate() {
                grid.insert(*q, i);
            }
            let scan = points
                .iter()
                .map(|q| probe.distance_km(*q))
                .fold(f64::INFINITY, f64::min);
            match grid.nearest(probe) {
                Some((_, d)) => prop_assert!((d - scan).abs() < 1e-9),
                None => prop_assert!(scan > 30.0),
            }
        }
    }
}
