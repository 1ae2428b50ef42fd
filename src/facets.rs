//! Counts of events per year, actor, kind and tag over a set of events.

use crate::model::{EventKind, Timeline};
use std::collections::BTreeMap;

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
        let mut years = BTreeMap::new();
        let mut actors = BTreeMap::new();
        let mut kinds = BTreeMap::new();
        let mut tags = BTreeMap::new();
        for &i in positions {
            let e = &timeline.events[i];
            for y in e.years() {
                *years.entry(y).or_insert(0) += 1;
            }
            for a in &e.actors {
                *actors.entry(a.clone()).or_insert(0) += 1;
            }
            *kinds.entry(e.kind).or_insert(0) += 1;
            for t in &e.tags {
                *tags.entry(t.clone()).or_insert(0) += 1;
            }
        }
        FacetCounts {
            years,
            actors: ranked(actors),
            kinds: ranked(kinds),
            tags: ranked(tags),
        }
    }
}
