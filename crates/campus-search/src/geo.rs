//! Distances on the globe, for « near this commune » searches.

/// Mean Earth radius (IUGG), in kilometres.
const EARTH_RADIUS_KM: f64 = 6371.0088;

/// Great-circle distance in kilometres between two points given in
/// degrees (haversine formula: exact enough at the scale of a region, and
/// stable for very close points, unlike the spherical law of cosines).
pub fn haversine_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (lat1, lon1) = (a.0.to_radians(), a.1.to_radians());
    let (lat2, lon2) = (b.0.to_radians(), b.1.to_radians());
    let dlat = lat2 - lat1;
    let dlon = lon2 - lon1;
    let h = (dlat / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * (dlon / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * h.sqrt().min(1.0).asin()
}

/// Whether a pair of numbers is a position on Earth.
pub fn is_position(p: (f64, f64)) -> bool {
    p.0.is_finite()
        && p.1.is_finite()
        && (-90.0..=90.0).contains(&p.0)
        && (-180.0..=180.0).contains(&p.1)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ORLEANS: (f64, f64) = (47.9029, 1.9093);
    const TOURS: (f64, f64) = (47.3941, 0.6848);

    #[test]
    fn known_distances() {
        let d = haversine_km(ORLEANS, TOURS);
        assert!((104.0..108.0).contains(&d), "{d}");
        assert!(haversine_km(ORLEANS, ORLEANS) < 1e-9);
        assert!((haversine_km(ORLEANS, TOURS) - haversine_km(TOURS, ORLEANS)).abs() < 1e-9);
        // Antipodes: half the circumference.
        let half = haversine_km((0.0, 0.0), (0.0, 180.0));
        assert!((half - std::f64::consts::PI * EARTH_RADIUS_KM).abs() < 1e-6);
    }

    #[test]
    fn positions_are_checked() {
        assert!(is_position(ORLEANS));
        assert!(!is_position((91.0, 0.0)));
        assert!(!is_position((f64::NAN, 0.0)));
    }
}
