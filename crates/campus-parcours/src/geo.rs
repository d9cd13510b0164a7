//! Places and distances. Distances are great-circle distances from home:
//! the issue asks for a radius (« à moins de 80 km de Tours »), not a
//! route, and the catalogue holds no road network.

use serde::{Deserialize, Serialize};

use crate::error::ParcoursError;

/// A point in decimal degrees (WGS 84), as LHÉO and La Poste give them.
/// Deserialised through [`GeoPoint::new`], so that no document can bring
/// in a point off the globe.
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
    type Error = ParcoursError;

    fn try_from(raw: RawPoint) -> Result<GeoPoint, ParcoursError> {
        GeoPoint::new(raw.lat, raw.lon)
    }
}

impl GeoPoint {
    pub fn new(lat: f64, lon: f64) -> Result<GeoPoint, ParcoursError> {
        if lat.is_finite() && lon.is_finite() && lat.abs() <= 90.0 && lon.abs() <= 180.0 {
            Ok(GeoPoint { lat, lon })
        } else {
            Err(ParcoursError::CoordonneesInvalides(lat, lon))
        }
    }

    pub fn lat(self) -> f64 {
        self.lat
    }

    pub fn lon(self) -> f64 {
        self.lon
    }

    /// Haversine distance in kilometres.
    pub fn distance_km(self, other: GeoPoint) -> f64 {
        const EARTH_RADIUS_KM: f64 = 6371.0;
        let (p1, p2) = (self.lat.to_radians(), other.lat.to_radians());
        let dp = p2 - p1;
        let dl = (other.lon - self.lon).to_radians();
        let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
        2.0 * EARTH_RADIUS_KM * a.sqrt().min(1.0).asin()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn tours_to_orleans() {
        let tours = GeoPoint::new(47.3941, 0.6848).unwrap();
        let orleans = GeoPoint::new(47.9030, 1.9093).unwrap();
        let d = tours.distance_km(orleans);
        assert!((d - 106.0).abs() < 3.0, "{d}");
        assert!(GeoPoint::new(91.0, 0.0).is_err());
        assert!(GeoPoint::new(f64::NAN, 0.0).is_err());
    }

    #[test]
    fn deserialising_checks_the_coordinates() {
        use serde::de::value::{Error, MapDeserializer};
        let point = |lat: f64, lon: f64| {
            let fields = vec![("lat", lat), ("lon", lon)].into_iter();
            GeoPoint::deserialize(MapDeserializer::<_, Error>::new(fields))
        };
        assert_eq!(
            point(47.39, 0.68).unwrap(),
            GeoPoint::new(47.39, 0.68).unwrap()
        );
        assert!(point(91.0, 0.0).is_err());
    }

    proptest! {
        #[test]
        fn distance_is_finite_and_symmetric(a in -90.0f64..90.0, b in -180.0f64..180.0, c in -90.0f64..90.0, d in -180.0f64..180.0) {
            let p = GeoPoint::new(a, b).unwrap();
            let q = GeoPoint::new(c, d).unwrap();
            let x = p.distance_km(q);
            prop_assert!(x.is_finite() && (0.0..=20_016.0).contains(&x));
            prop_assert!((x - q.distance_km(p)).abs() < 1e-6);
        }
    }
}
