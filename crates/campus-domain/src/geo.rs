//! Distances on the ground and the nearest of many points, to place a
//! training given only by its coordinates and to find trainings near a
//! visitor.

use std::collections::HashMap;

/// Mean radius of the Earth, in kilometres.
const EARTH_RADIUS_KM: f64 = 6371.0;

/// Great-circle distance in kilometres between two WGS 84 points
/// `(latitude, longitude)` (haversine; well within a metre at the scale of
/// a region).
pub fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (lat1, lon1) = (a.0.to_radians(), a.1.to_radians());
    let (lat2, lon2) = (b.0.to_radians(), b.1.to_radians());
    let h = ((lat2 - lat1) / 2.0).sin().powi(2)
        + lat1.cos() * lat2.cos() * ((lon2 - lon1) / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * h.sqrt().min(1.0).asin()
}

/// The latitude and longitude spans (degrees) that contain every point
/// within `radius_km` of `center`: a cheap first filter before exact
/// distances.
pub fn bounding_box(center: (f64, f64), radius_km: f64) -> ((f64, f64), (f64, f64)) {
    let dlat = (radius_km / EARTH_RADIUS_KM).to_degrees();
    let cos = center.0.to_radians().cos().abs().max(0.01);
    let dlon = (dlat / cos).min(180.0);
    (
        (center.0 - dlat, center.0 + dlat),
        (center.1 - dlon, center.1 + dlon),
    )
}

/// Size of a cell of [`Nearest`], in degrees (about 11 km of latitude).
const CELL: f64 = 0.1;
/// How many rings of cells are searched at most (about 35 km at the
/// latitudes of France).
const MAX_RING: i64 = 5;

/// The points of one cell of the grid, with their values.
type Cell<T> = Vec<((f64, f64), T)>;

/// Points bucketed on a grid of 0.1°, to find the nearest one to a
/// position without comparing it with every point.
#[derive(Debug, Default)]
pub struct Nearest<T> {
    cells: HashMap<(i64, i64), Cell<T>>,
}

fn cell(position: (f64, f64)) -> (i64, i64) {
    (
        (position.0 / CELL).floor() as i64,
        (position.1 / CELL).floor() as i64,
    )
}

impl<T> Nearest<T> {
    pub fn new() -> Nearest<T> {
        Nearest {
            cells: HashMap::new(),
        }
    }

    pub fn insert(&mut self, position: (f64, f64), value: T) {
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
    pub fn nearest(&self, position: (f64, f64)) -> Option<(&T, f64)> {
        let (row, column) = cell(position);
        // Every point outside the rings searched so far is at least this
        // far: `ring` cells along a parallel, the narrower direction.
        let beyond = |ring: i64| ring as f64 * CELL * 111.0 * position.0.to_radians().cos().abs();
        let mut best: Option<(&T, f64)> = None;
        for ring in 0..=MAX_RING {
            for dr in -ring..=ring {
                for dc in -ring..=ring {
                    if dr.abs() != ring && dc.abs() != ring {
                        continue;
                    }
                    let points = self.cells.get(&(row + dr, column + dc));
                    for (point, value) in points.into_iter().flatten() {
                        let d = distance_km(position, *point);
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
    use super::*;
    use proptest::prelude::*;

    const ORLEANS: (f64, f64) = (47.9025, 1.9090);
    const TOURS: (f64, f64) = (47.3941, 0.6848);

    #[test]
    fn orleans_to_tours() {
        let d = distance_km(ORLEANS, TOURS);
        assert!((d - 108.0).abs() < 2.0, "{d}");
        assert_eq!(distance_km(ORLEANS, ORLEANS), 0.0);
    }

    #[test]
    fn nearest_commune() {
        let mut grid = Nearest::new();
        grid.insert(ORLEANS, "45234");
        grid.insert(TOURS, "37261");
        grid.insert((47.8438, 1.9266), "45285"); // Saint-Jean-le-Blanc
        assert_eq!(grid.nearest((47.9, 1.91)).map(|n| *n.0), Some("45234"));
        assert_eq!(grid.nearest((47.40, 0.70)).map(|n| *n.0), Some("37261"));
        assert_eq!(grid.nearest((43.3, 5.4)), None);
    }

    proptest! {
        #[test]
        fn the_grid_finds_what_a_full_scan_finds(
            points in proptest::collection::vec((46.0f64..49.0, 0.0f64..3.0), 1..60),
            probe in (46.0f64..49.0, 0.0f64..3.0),
        ) {
            let mut grid = Nearest::new();
            for (i, p) in points.iter().enumerate() {
                grid.insert(*p, i);
            }
            let scan = points
                .iter()
                .map(|p| distance_km(probe, *p))
                .fold(f64::INFINITY, f64::min);
            match grid.nearest(probe) {
                Some((_, d)) => prop_assert!((d - scan).abs() < 1e-9),
                None => prop_assert!(scan > 30.0),
            }
            let ((lat0, lat1), (lon0, lon1)) = bounding_box(probe, 30.0);
            for p in &points {
                if distance_km(probe, *p) <= 30.0 {
                    prop_assert!(p.0 >= lat0 && p.0 <= lat1 && p.1 >= lon0 && p.1 <= lon1);
                }
            }
        }
    }
}
