//! Reading `[[eras]]` (named spans) and `[[observances]]` (days kept every
//! year) from data files, validated like events.

use super::gather::{citations, define, Gathered, Namespace};
use super::table::{Ctx, Fields};
use crate::timeline::date::PartialDate;
use crate::timeline::model::{Era, Observance};
use toml::de::DeValue;
use toml::Spanned;

const ERA_FIELDS: &[&str] = &["id", "title", "start", "end", "sources"];
const OBSERVANCE_FIELDS: &[&str] = &["id", "title", "on", "since", "sources"];

pub(crate) fn read_era(cx: &mut Ctx<'_>, value: &Spanned<DeValue<'_>>, all: &mut Gathered) {
    let Some(f) = Fields::new(cx, value, "era", ERA_FIELDS) else {
        return;
    };
    let id = f.id(cx);
    // Claimed at once, so a second copy is reported even when this one has other errors.
    let defined = id
        .as_ref()
        .is_some_and(|(id, span)| define(cx, all, Namespace::Era, id, span.clone()));
    let title = f.line(cx, "title", true);
    let start = f.date(cx, "start", true);
    let end = f.date(cx, "end", true);
    if let (Some((a, _)), Some((b, span))) = (&start, &end) {
        if b.first_day() < a.first_day() {
            cx.error(span.clone(), format!("`end` ({b}) is before `start` ({a})"));
        }
    }
    let sources = citations(cx, &f, all, false);
    let (Some((id, _)), Some((title, _)), Some((start, _)), Some((end, _))) = (id, title, start, end) else {
        return;
    };
    if defined {
        all.eras.push(Era {
            id,
            title,
            start,
            end,
            sources,
        });
    }
}

pub(crate) fn read_observance(cx: &mut Ctx<'_>, value: &Spanned<DeValue<'_>>, all: &mut Gathered) {
    let Some(f) = Fields::new(cx, value, "observance", OBSERVANCE_FIELDS) else {
        return;
    };
    let id = f.id(cx);
    // Claimed at once, so a second copy is reported even when this one has other errors.
    let defined = id
        .as_ref()
        .is_some_and(|(id, span)| define(cx, all, Namespace::Observance, id, span.clone()));
    let title = f.line(cx, "title", true);
    let on = f.line(cx, "on", true).and_then(|(text, span)| {
        // Checked against a leap year, so 02-29 is a day that exists.
        let parsed = PartialDate::parse(&format!("2000-{text}"))
            .ok()
            .filter(|d| text.len() == 5 && d.day_number().is_some());
        match parsed {
            Some(d) => Some((d.month_number()?, d.day_number()?)),
            None => {
                cx.error(
                    span,
                    format!("`on` = \"{text}\": expected a day of the year as MM-DD, like \"08-20\""),
                );
                None
            }
        }
    });
    let since = f.date(cx, "since", true).and_then(|(d, span)| {
        if d.month_number().is_some() {
            cx.error(span, format!("`since` = \"{d}\": expected a year, like \"2023\""));
            return None;
        }
        Some(d.year_number())
    });
    let sources = citations(cx, &f, all, true);
    let (Some((id, _)), Some((title, _)), Some((month, day)), Some(since)) = (id, title, on, since) else {
        return;
    };
    if defined {
        all.observances.push(Observance {
            id,
            title,
            month,
            day,
            since,
            sources,
        });
    }
}
