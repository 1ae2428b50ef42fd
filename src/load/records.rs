//! Reading the records of a data file (sources, actors, events) and the
//! bookkeeping every record reader shares: ids defined, references to
//! settle, and the checks across files once everything is read.

use super::address_date::PUBLISHED_FROM;
use super::gather::{
    citations_at, define, refer, EventPlaces, Gathered, Namespace, ProsePlaces, SourcePlaces,
};
use super::table::{Ctx, Fields};
use crate::timeline::dating::{Dating, Written};
use crate::timeline::model::*;
use toml::de::DeValue;

const SOURCE_FIELDS: &[&str] = &[
    "id",
    "publisher",
    "title",
    "label",
    "url",
    "locator",
    "published",
    "published_from",
    "accessed",
    "archive_url",
    "language",
    "trans_title",
    "reports",
    "origin",
    "author",
];
const ACTOR_FIELDS: &[&str] = &["id", "name", "aliases", "kind", "roles"];
const ROLE_FIELDS: &[&str] = &["title", "from", "to"];
const EVENT_FIELDS: &[&str] = &[
    "id",
    "date",
    "end",
    "title",
    "kind",
    "actors",
    "not_acting",
    "location",
    "summary",
    "details",
    "note",
    "figures",
    "sources",
    "tags",
    "related",
    "corroboration",
    "ranking",
    "derived",
    "disputes",
];
const LINK_FIELDS: &[&str] = &["event", "relation"];
const NOT_ACTING_FIELDS: &[&str] = &["actor", "why"];

pub(super) fn read_source(cx: &mut Ctx<'_>, value: &toml::Spanned<DeValue<'_>>, all: &mut Gathered) {
    let Some(f) = Fields::new(cx, value, "source", SOURCE_FIELDS) else {
        return;
    };
    let id = f.id(cx);
    // Claimed at once, so a second copy is reported even when this one has other errors.
    let defined = id
        .as_ref()
        .is_some_and(|(id, span)| define(cx, all, Namespace::Source, id, span.clone()));
    let publisher = f.line(cx, "publisher", true);
    let title = f.line(cx, "title", false);
    let label = f.line(cx, "label", false);
    let title = match (title, label) {
        (Some((t, _)), None) => Some((t, false)),
        (None, Some((l, _))) => Some((l, true)),
        (Some(_), Some((_, span))) => {
            cx.error_with_help(
                span,
                "a source has a `title` or a `label`, not both",
                "`title` is the page's own title; `label` is what the compilers call a page that gives none",
            );
            None
        }
        (None, None) => {
            let at = f.span.start..f.span.start + 1;
            cx.error_with_help(
                at,
                "source has no `title` or `label`",
                "write the page's own title as `title`, or a description of your own as `label`",
            );
            None
        }
    };
    let url = address(cx, &f, "url");
    let locator = f.line(cx, "locator", false).map(|l| l.0);
    let archive_url = address(cx, &f, "archive_url");
    let published = f.date(cx, "published", false).map(|d| d.0);
    let from_address = |w: &str| match w {
        "address" => Some(true),
        "material" => Some(false),
        _ => None,
    };
    let published_from_address = f
        .vocabulary(cx, "published_from", false, from_address, PUBLISHED_FROM)
        .unwrap_or(false);
    let published_from_span = f.get("published_from").map(|v| v.span());
    if let (Some(at), None) = (&published_from_span, published) {
        cx.error_with_help(
            at.clone(),
            "`published_from` says where the `published` date was found, and this source has no `published`",
            "add the date as `published`, or remove `published_from`",
        );
    }
    let accessed = f.date(cx, "accessed", false).map(|d| d.0);
    let language = f.line(cx, "language", false).map(|l| l.0);
    let trans_title = f.line(cx, "trans_title", false).map(|l| l.0);
    let reports = f.line(cx, "reports", false).map(|(r, span)| {
        refer(cx, all, Namespace::Source, &r, span);
        r
    });
    let origin = f.line(cx, "origin", false).map(|o| o.0);
    let author = f.line(cx, "author", false).map(|(a, span)| {
        refer(cx, all, Namespace::Actor, &a, span);
        a
    });
    let (Some((id, span)), Some((publisher, _)), Some((title, title_is_label))) = (id, publisher, title)
    else {
        return;
    };
    if reports.as_ref() == Some(&id) {
        cx.error(span.clone(), format!("source `{id}` reports itself"));
    }
    if defined {
        all.source_places.push(SourcePlaces {
            file: cx.file,
            span: cx.at(f.span.clone()),
            url: url.as_ref().and(f.get("url")).map(|v| cx.at(v.span())),
            published_from: published_from_span.map(|at| cx.at(at)),
        });
        all.sources.push(Source {
            id,
            publisher,
            title,
            title_is_label,
            url,
            locator,
            published,
            published_from_address,
            accessed,
            archive_url,
            language,
            trans_title,
            reports,
            origin,
            author,
        });
    }
}

/// An address field: an absolute http(s) address, or an error that says so.
fn address(cx: &mut Ctx<'_>, f: &Fields<'_, '_>, key: &str) -> Option<String> {
    let (url, span) = f.line(cx, key, false)?;
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .unwrap_or("");
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty() || !host.contains('.') || url.contains(char::is_whitespace) {
        cx.error_with_help(
            span,
            format!("`{key}` must be an absolute http(s) address"),
            "write the whole address, such as \"https://www.state.gov/reports/...\"; a page the material names without one has no `url`",
        );
        return None;
    }
    Some(url)
}

pub(super) fn read_actor(cx: &mut Ctx<'_>, value: &toml::Spanned<DeValue<'_>>, all: &mut Gathered) {
    let Some(f) = Fields::new(cx, value, "actor", ACTOR_FIELDS) else {
        return;
    };
    let id = f.id(cx);
    // Claimed at once, so a second copy is reported even when this one has other errors.
    let defined = id
        .as_ref()
        .is_some_and(|(id, span)| define(cx, all, Namespace::Actor, id, span.clone()));
    let name = f.line(cx, "name", true);
    let aliases = f.lines(cx, "aliases").into_iter().map(|a| a.0).collect();
    let kind = f.vocabulary(cx, "kind", true, ActorKind::parse, &ActorKind::names());
    let roles = f.tables(cx, "roles", "role", ROLE_FIELDS, |cx, r| {
        let title = r.line(cx, "title", true);
        let from = r.date(cx, "from", false);
        let to = r.date(cx, "to", false);
        if let (Some((a, _)), Some((b, span))) = (&from, &to) {
            if b.last_day() < a.first_day() {
                cx.error(span.clone(), format!("role ends ({b}) before it starts ({a})"));
            }
        }
        Some(Role {
            title: title?.0,
            from: from.map(|d| d.0),
            to: to.map(|d| d.0),
        })
    });
    let (Some((id, _)), Some((name, _)), Some(kind)) = (id, name, kind) else {
        return;
    };
    if defined {
        all.actors.push(Actor {
            id,
            name,
            aliases,
            kind,
            roles,
        });
    }
}

pub(super) fn read_event(cx: &mut Ctx<'_>, value: &toml::Spanned<DeValue<'_>>, all: &mut Gathered) {
    let Some(f) = Fields::new(cx, value, "event", EVENT_FIELDS) else {
        return;
    };
    let id = f.id(cx);
    // Claimed at once, so a second copy is reported even when this one has other errors.
    let defined = id
        .as_ref()
        .is_some_and(|(id, span)| define(cx, all, Namespace::Event, id, span.clone()));
    let mut dating = Dating::default();
    let date = f
        .qualified_date(cx, "date", true, false)
        .and_then(|(w, span)| match w? {
            Written::One(d, q) => {
                dating.start = q;
                Some((d, span))
            }
            Written::OneOf(all) => {
                let first = all[0];
                dating.one_of = all;
                Some((first, span))
            }
        });
    let end = match f.qualified_date(cx, "end", false, true) {
        Some((None, _)) => {
            dating.open_end = true;
            None
        }
        Some((Some(Written::One(d, q)), span)) => {
            dating.end = q;
            Some((d, span))
        }
        Some((Some(Written::OneOf(_)), span)) => {
            cx.error_with_help(
                span,
                "`end` cannot be a set of dates",
                "write the latest the end may be, qualified: \"2022-09?\"",
            );
            None
        }
        None => None,
    };
    if let (Some((start, _)), Some((end, span))) = (&date, &end) {
        let latest = dating.latest_start(start);
        if end.first_day() < start.first_day() || end.last_day() < latest.first_day() {
            cx.error(span.clone(), format!("`end` ({end}) is before `date` ({start})"));
        }
    }
    if let Some((note, span)) = f.line(cx, "derived", false) {
        if note.trim().is_empty() {
            cx.error_with_help(
                span,
                "a derived date needs a note saying how it was derived",
                "for example: derived = \"weekday arithmetic: the report's Tuesday was 11 Dec 2007\"",
            );
        } else {
            dating.derived = Some(note);
        }
    }
    let title = f.line(cx, "title", true);
    let kind = f.vocabulary(cx, "kind", true, EventKind::parse, &EventKind::names());
    let mut actors = Vec::new();
    let mut actor_spans = Vec::new();
    for (actor, span) in f.lines(cx, "actors") {
        refer(cx, all, Namespace::Actor, &actor, span.clone());
        actors.push(actor);
        actor_spans.push(cx.at(span));
    }
    let (not_acting, not_acting_spans) = not_acting(cx, &f, all, &actors);
    let location = f.line(cx, "location", false).map(|l| l.0);
    let mut prose = Vec::new();
    let summary = f.block_at(cx, "summary", true).map(|(s, at)| {
        prose.push(at);
        s
    });
    let details = f.block_at(cx, "details", false).map(|(s, at)| {
        prose.push(at);
        s
    });
    let note = f.block(cx, "note", false);
    let mut named_sources = Vec::new();
    let mut according_to = Vec::new();
    let figures = super::claims::figures(cx, &f, all, &mut according_to, &mut named_sources);
    let disputes = super::claims::disputes(cx, &f, all, &mut named_sources);
    let (sources, quote_spans): (Vec<Citation>, Vec<_>) = citations_at(cx, &f, all, true).into_iter().unzip();
    let tags = f.lines(cx, "tags").into_iter().map(|t| t.0).collect();
    let mut link_spans = Vec::new();
    let related = f.tables(cx, "related", "related link", LINK_FIELDS, |cx, l| {
        let event = l.line(cx, "event", true).map(|(e, span)| {
            refer(cx, all, Namespace::Event, &e, span.clone());
            link_spans.push(cx.at(span));
            e
        });
        let relation = l.vocabulary(cx, "relation", true, Relation::parse, &Relation::names());
        Some(Link {
            event: event?,
            relation: relation?,
        })
    });
    let asserted = f.get("corroboration").map(|v| v.span()).and_then(|span| {
        let c = f.vocabulary(
            cx,
            "corroboration",
            false,
            Corroboration::parse,
            &Corroboration::names(),
        )?;
        Some((c, cx.at(span)))
    });
    let ranking = f.line(cx, "ranking", false).map(|r| r.0);
    let date_at = date.as_ref().map(|(_, span)| cx.at(span.clone()));
    let (Some((id, span)), Some((date, _)), Some((title, _)), Some(kind), Some(summary)) =
        (id, date, title, kind, summary)
    else {
        return;
    };
    if related.iter().any(|l| l.event == id) {
        cx.error(span.clone(), format!("event `{id}` is related to itself"));
    }
    if defined {
        let end = end.map(|e| e.0);
        // A hundred thousand events are held at once while the file is still
        // in memory: lists grown by pushing keep up to twice their room.
        let mut actors = actors;
        actors.shrink_to_fit();
        let (mut figures, mut sources, mut related, mut disputes) = (figures, sources, related, disputes);
        figures.shrink_to_fit();
        sources.shrink_to_fit();
        related.shrink_to_fit();
        disputes.shrink_to_fit();
        let prose = all.checking_prose.then(|| {
            Box::new(ProsePlaces {
                date: date_at,
                prose,
                quotes: quote_spans,
                not_acting: not_acting_spans,
            })
        });
        all.event_places.push(EventPlaces {
            file: cx.file,
            corroboration: asserted.map(Box::new),
            actors: actor_spans.into_boxed_slice(),
            related: link_spans.into_boxed_slice(),
            according_to: according_to.into_boxed_slice(),
            named_sources: named_sources.into_boxed_slice(),
            prose,
        });
        all.events.push(Event {
            id,
            date,
            end,
            title,
            kind,
            actors,
            not_acting,
            location,
            summary,
            details,
            note,
            figures,
            sources,
            tags,
            related,
            // Worked out once every source is read.
            corroboration: Corroboration::SingleSource,
            ranking,
            dating,
            disputes,
        });
    }
}

/// An event's `not_acting`: actors its quotes name who do not act in it,
/// each with why, and where each actor id stands. An actor the event lists
/// acts in it, so it cannot also be here; nor can one be here twice.
fn not_acting(
    cx: &mut Ctx<'_>,
    f: &Fields<'_, '_>,
    all: &mut Gathered,
    actors: &[String],
) -> (Vec<NotActing>, Vec<std::ops::Range<usize>>) {
    let mut spans = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    let entries = f.tables(cx, "not_acting", "actor not acting", NOT_ACTING_FIELDS, |cx, n| {
        let actor = n.line(cx, "actor", true).and_then(|(actor, span)| {
            refer(cx, all, Namespace::Actor, &actor, span.clone());
            if actors.contains(&actor) {
                cx.error_with_help(
                    span,
                    format!("`{actor}` is in the event's `actors` and in `not_acting`"),
                    "an actor the event lists acts in it: keep it in one of the two",
                );
                return None;
            }
            Some((actor, span))
        });
        let why = match n.get("why").map(|v| (v.get_ref(), v.span())) {
            // Blank: what belongs there is worth saying.
            Some((DeValue::String(s), span)) if crate::text::sanitize_line(s).trim().is_empty() => {
                cx.error_with_help(
                    span,
                    "`why` is empty: an actor not acting needs a reason",
                    "say why the quote names them though they do not act: why = \"named as the sender of the letter the ministry answered\"",
                );
                None
            }
            _ => n.line(cx, "why", true).map(|w| w.0),
        };
        let ((actor, span), why) = (actor?, why?);
        if seen.contains(&actor) {
            cx.error(span, format!("`{actor}` is in `not_acting` twice"));
            return None;
        }
        seen.push(actor.clone());
        spans.push(cx.at(span));
        Some(NotActing { actor, why })
    });
    (entries, spans)
}
