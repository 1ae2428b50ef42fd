//! Reading `[[terms]]`, the glossary, from data files: ids, names and
//! sources checked like events', and `see` references settled with the
//! rest once every file is read.

use super::gather::{citations, define, refer, Gathered, Namespace};
use super::table::{Ctx, Fields};
use crate::timeline::model::Term;
use toml::de::DeValue;
use toml::Spanned;

const TERM_FIELDS: &[&str] = &["id", "name", "short", "aliases", "definition", "sources", "see"];

pub(crate) fn read_term(cx: &mut Ctx<'_>, value: &Spanned<DeValue<'_>>, all: &mut Gathered) {
    let Some(f) = Fields::new(cx, value, "term", TERM_FIELDS) else {
        return;
    };
    let id = f.id(cx);
    // Claimed at once, so a second copy is reported even when this one has other errors.
    let defined = id
        .as_ref()
        .is_some_and(|(id, span)| define(cx, all, Namespace::Term, id, span.clone()));
    let name = f.line(cx, "name", true);
    let short = f.line(cx, "short", false).map(|s| s.0);
    let aliases = f.lines(cx, "aliases").into_iter().map(|a| a.0).collect();
    let definition = f.block_at(cx, "definition", true);
    let sources = citations(cx, &f, all, true);
    let mut see = Vec::new();
    for (other, span) in f.lines(cx, "see") {
        if id.as_ref().is_some_and(|(id, _)| *id == other) {
            cx.error(span, format!("term `{other}` lists itself in `see`"));
            continue;
        }
        refer(cx, all, Namespace::Term, &other, span);
        see.push(other);
    }
    let (Some((id, _)), Some((name, _)), Some((definition, definition_at))) = (id, name, definition) else {
        return;
    };
    if defined {
        all.term_places.push((cx.file, definition_at));
        all.terms.push(Term {
            id,
            name,
            short,
            aliases,
            definition,
            sources,
            see,
        });
    }
}
