//! Counts of events per year, actor, kind and tag over a set of events.

use crate::timeline::model::{EventKind, Timeline};
use std::collections::BTreeMap;

/// Counts by small number: years from the timeline's first year, actors by
/// index, kinds in declaration order, tags by index. Cheap to fill per key press.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    pub first_year: i32,
    pub years: Vec<usize>,
    pub actors: Vec<usize>,
    pub kinds: Vec<usize>,
    pub tags: Vec<usize>,
}

impl Tally {
    pub fn new(t: &Timeline) -> Self {
        let (first, last) = t.year_range();
        Tally {
            first_year: first,
            years: vec![0; (last - first + 1).max(0) as usize],
            actors: vec![0; t.actors.len()],
            kinds: vec![0; EventKind::ALL.len()],
            tags: vec![0; t.tag_names().len()],
        }
    }

    pub fn clear(&mut self) {
        for v in [&mut self.years, &mut self.actors, &mut self.kinds, &mut self.tags] {
            v.iter_mut().for_each(|n| *n = 0);
        }
    }

    /// Adds another tally of the same timeline to this one.
    pub fn merge(&mut self, other: &Tally) {
        for (mine, theirs) in [
            (&mut self.years, &other.years),
            (&mut self.actors, &other.actors),
            (&mut self.kinds, &other.kinds),
            (&mut self.tags, &other.tags),
        ] {
            mine.iter_mut().zip(theirs).for_each(|(a, b)| *a += b);
        }
    }

    /// This tally less another of the same timeline (which it contains).
    pub fn minus(&self, other: &Tally) -> Tally {
        let mut out = self.clone();
        for (mine, theirs) in [
            (&mut out.years, &other.years),
            (&mut out.actors, &other.actors),
            (&mut out.kinds, &other.kinds),
            (&mut out.tags, &other.tags),
        ] {
            mine.iter_mut().zip(theirs).for_each(|(a, b)| *a -= b);
        }
        out
    }

    /// Counts one event under every facet.
    pub fn add(&mut self, t: &Timeline, position: usize) {
        self.add_year(t, position);
        self.add_actors(t, position);
        self.add_kind(t, position);
        self.add_tags(t, position);
    }

    pub fn add_year(&mut self, t: &Timeline, position: usize) {
        let (first, last) = t.event_years(position);
        for y in first..=last {
            if let Some(n) = self.years.get_mut((y - self.first_year) as usize) {
                *n += 1;
            }
        }
    }

    pub fn add_actors(&mut self, t: &Timeline, position: usize) {
        for &a in t.event_actor_ix(position) {
            self.actors[a as usize] += 1;
        }
    }

    pub fn add_kind(&mut self, t: &Timeline, position: usize) {
        // Kinds are declared in the order of `EventKind::ALL`.
        self.kinds[t.event_kind(position) as usize] += 1;
    }

    pub fn add_tags(&mut self, t: &Timeline, position: usize) {
        for &g in t.event_tag_ix(position) {
            self.tags[g as usize] += 1;
        }
    }

    pub fn year(&self, year: i32) -> usize {
        year.checked_sub(self.first_year)
            .and_then(|i| usize::try_from(i).ok())
            .and_then(|i| self.years.get(i))
            .copied()
            .unwrap_or(0)
    }
}

#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct FacetCounts {
    /// Each year an event touches counts it once.
    pub years: BTreeMap<i32, usize>,
    /// Actor id and count, most frequent first.
    pub actors: Vec<(String, usize)>,
    pub kinds: Vec<(EventKind, usize)>,
    pub tags: Vec<(String, usize)>,
}

fn ranked<K: Ord + Clone>(counts: BTreeMap<K, usize>) -> Vec<(K, usize)> {
    let mut v: Vec<(K, usize)> = counts.into_iter().collect();
    // Stable sort keeps ties in key order, so output is deterministic.
    v.sort_by_key(|e| std::cmp::Reverse(e.1));
    v
}

impl FacetCounts {
    pub fn of(timeline: &Timeline, positions: &[usize]) -> Self {
        let mut tally = Tally::new(timeline);
        for &p in positions {
            tally.add(timeline, p);
        }
        Self::from_tally(timeline, &tally)
    }

    /// Names the non-zero counts of a tally.
    pub fn from_tally(t: &Timeline, tally: &Tally) -> Self {
        let years = (tally.first_year..)
            .zip(&tally.years)
            .filter(|(_, n)| **n > 0)
            .map(|(y, n)| (y, *n))
            .collect();
        let named = |names: Vec<String>, counts: &[usize]| -> BTreeMap<String, usize> {
            names
                .into_iter()
                .zip(counts)
                .filter(|(_, n)| **n > 0)
                .map(|(k, n)| (k, *n))
                .collect()
        };
        let actors = named(t.actors.iter().map(|a| a.id.clone()).collect(), &tally.actors);
        let tags = named(t.tag_names().to_vec(), &tally.tags);
        let kinds = EventKind::ALL
            .iter()
            .zip(&tally.kinds)
            .filter(|(_, n)| **n > 0)
            .map(|(k, n)| (*k, *n))
            .collect();
        FacetCounts {
            years,
            actors: ranked(actors),
            kinds: ranked(kinds),
            tags: ranked(tags),
        }
    }
}
