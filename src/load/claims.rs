//! Reading what an event's sources claim: figures (with the sources that
//! give each value, and the other values other sources give) and disputes
//! about anything else (an ordinal, a day, a count in the text).

use super::gather::{refer, Gathered, Namespace};
use super::table::{Ctx, Fields};
use crate::timeline::model::{Alternative, Claim, Dispute, Figure};
use std::ops::Range;

const FIGURE_FIELDS: &[&str] = &[
    "label",
    "value",
    "unit",
    "period",
    "according_to",
    "sources",
    "alternatives",
];
const ALTERNATIVE_FIELDS: &[&str] = &["value", "sources"];
const DISPUTE_FIELDS: &[&str] = &["about", "claims"];
const CLAIM_FIELDS: &[&str] = &["value", "sources"];

/// Source ids a claim names: each must be one of the event's citations,
/// which the caller checks once the citations are read.
fn named(
    cx: &mut Ctx<'_>,
    f: &Fields<'_, '_>,
    all: &mut Gathered,
    required: bool,
    out: &mut Vec<(String, Range<usize>)>,
) -> Vec<String> {
    let ids = f.lines(cx, "sources");
    if required && ids.is_empty() {
        let at = f.span.start..f.span.start + 1;
        cx.error_with_help(
            at,
            format!("{} names no source", f.what),
            "say which of the event's sources give this value: sources = [\"source-id\"]",
        );
    }
    ids.into_iter()
        .map(|(id, span)| {
            refer(cx, all, Namespace::Source, &id, span.clone());
            out.push((id.clone(), cx.at(span)));
            id
        })
        .collect()
}

/// `[[events.figures]]`, each with its optional `sources` and `[[...alternatives]]`.
pub(super) fn figures(
    cx: &mut Ctx<'_>,
    f: &Fields<'_, '_>,
    all: &mut Gathered,
    according_to: &mut Vec<Option<Range<usize>>>,
    named_sources: &mut Vec<(String, Range<usize>)>,
) -> Vec<Figure> {
    f.tables(cx, "figures", "figure", FIGURE_FIELDS, |cx, g| {
        let label = g.line(cx, "label", true);
        let value = g.number(cx, "value", true);
        let unit = g.line(cx, "unit", false).map(|u| u.0);
        let period = g.line(cx, "period", false).map(|p| p.0);
        let mut who_span = None;
        let who = g.line(cx, "according_to", false).map(|(a, span)| {
            refer(cx, all, Namespace::Actor, &a, span.clone());
            who_span = Some(cx.at(span));
            a
        });
        let alternatives = g.tables(
            cx,
            "alternatives",
            "alternative value",
            ALTERNATIVE_FIELDS,
            |cx, a| {
                let value = a.number(cx, "value", true);
                let sources = named(cx, a, all, true, named_sources);
                Some(Alternative {
                    value: value?,
                    sources,
                })
            },
        );
        // A disputed figure says who gives which value.
        let sources = named(cx, g, all, !alternatives.is_empty(), named_sources);
        if let (Some(v), false) = (value, alternatives.is_empty()) {
            for alt in &alternatives {
                if alt.value == v {
                    let at = g.span.start..g.span.start + 1;
                    cx.error(at, "an alternative value is the same as the figure's value");
                }
            }
        }
        let figure = Figure {
            label: label?.0,
            value: value?,
            unit,
            period,
            according_to: who,
            sources,
            alternatives,
        };
        according_to.push(who_span);
        Some(figure)
    })
}

/// `[[events.disputes]]`: what the sources disagree about, and two or more claims.
pub(super) fn disputes(
    cx: &mut Ctx<'_>,
    f: &Fields<'_, '_>,
    all: &mut Gathered,
    named_sources: &mut Vec<(String, Range<usize>)>,
) -> Vec<Dispute> {
    f.tables(cx, "disputes", "dispute", DISPUTE_FIELDS, |cx, d| {
        let about = d.line(cx, "about", true);
        let claims = d.tables(cx, "claims", "claim", CLAIM_FIELDS, |cx, c| {
            let value = c.line(cx, "value", true);
            let sources = named(cx, c, all, true, named_sources);
            Some(Claim {
                value: value?.0,
                sources,
            })
        });
        if claims.len() < 2 {
            let at = d.span.start..d.span.start + 1;
            cx.error_with_help(
                at,
                "a dispute needs two or more claims",
                "each [[events.disputes.claims]] gives a value and the sources that give it",
            );
            return None;
        }
        Some(Dispute {
            about: about?.0,
            claims,
        })
    })
}
