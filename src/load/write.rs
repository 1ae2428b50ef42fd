//! Writing tipline data files: what the generator and the TimelineJS
//! importer produce, in the documented format, with every string escaped.

use crate::timeline::model::*;
use std::fmt::Write;

pub(crate) fn quoted(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

pub(crate) fn field(out: &mut String, key: &str, value: &str) {
    out.push_str(key);
    out.push_str(" = ");
    quoted(out, value);
    out.push('\n');
}

pub(crate) fn list(out: &mut String, key: &str, values: &[String]) {
    out.push_str(key);
    out.push_str(" = [");
    for (i, v) in values.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        quoted(out, v);
    }
    out.push_str("]\n");
}

/// Writes sources, actors and events as a tipline data file.
pub fn to_toml(sources: &[Source], actors: &[Actor], events: &[Event]) -> String {
    data_file(sources, actors, events, &[])
}

/// Writes a whole tipline data file, eras included.
pub fn data_file(sources: &[Source], actors: &[Actor], events: &[Event], eras: &[Era]) -> String {
    let mut out = String::with_capacity(events.len() * 900);
    for s in sources {
        out.push_str("[[sources]]\n");
        field(&mut out, "id", &s.id);
        field(&mut out, "publisher", &s.publisher);
        field(&mut out, "title", &s.title);
        if let Some(u) = &s.url {
            field(&mut out, "url", u);
        }
        if let Some(p) = &s.published {
            field(&mut out, "published", &p.to_string());
        }
        out.push('\n');
    }
    for a in actors {
        out.push_str("[[actors]]\n");
        field(&mut out, "id", &a.id);
        field(&mut out, "name", &a.name);
        list(&mut out, "aliases", &a.aliases);
        field(&mut out, "kind", a.kind.as_str());
        for r in &a.roles {
            out.push_str("[[actors.roles]]\n");
            field(&mut out, "title", &r.title);
            if let Some(f) = &r.from {
                field(&mut out, "from", &f.to_string());
            }
            if let Some(t) = &r.to {
                field(&mut out, "to", &t.to_string());
            }
        }
        out.push('\n');
    }
    for e in events {
        out.push_str("[[events]]\n");
        field(&mut out, "id", &e.id);
        field(&mut out, "date", &e.date.to_string());
        if let Some(end) = &e.end {
            field(&mut out, "end", &end.to_string());
        }
        field(&mut out, "title", &e.title);
        field(&mut out, "kind", e.kind.as_str());
        list(&mut out, "actors", &e.actors);
        if let Some(l) = &e.location {
            field(&mut out, "location", l);
        }
        field(&mut out, "summary", &e.summary);
        if let Some(d) = &e.details {
            field(&mut out, "details", d);
        }
        list(&mut out, "tags", &e.tags);
        field(&mut out, "corroboration", e.corroboration.as_str());
        if let Some(r) = &e.ranking {
            field(&mut out, "ranking", r);
        }
        if !e.related.is_empty() {
            out.push_str("related = [");
            for (i, l) in e.related.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str("{ event = ");
                quoted(&mut out, &l.event);
                out.push_str(", relation = ");
                quoted(&mut out, l.relation.as_str());
                out.push_str(" }");
            }
            out.push_str("]\n");
        }
        for f in &e.figures {
            out.push_str("[[events.figures]]\n");
            field(&mut out, "label", &f.label);
            let _ = writeln!(out, "value = {}", f.value_text());
            if let Some(u) = &f.unit {
                field(&mut out, "unit", u);
            }
            if let Some(p) = &f.period {
                field(&mut out, "period", p);
            }
            if let Some(a) = &f.according_to {
                field(&mut out, "according_to", a);
            }
        }
        for c in &e.sources {
            out.push_str("[[events.sources]]\n");
            field(&mut out, "source", &c.source);
            field(&mut out, "quote", &c.quote);
        }
        out.push('\n');
    }
    for era in eras {
        out.push_str("[[eras]]\n");
        field(&mut out, "id", &era.id);
        field(&mut out, "title", &era.title);
        field(&mut out, "start", &era.start.to_string());
        field(&mut out, "end", &era.end.to_string());
        for c in &era.sources {
            out.push_str("[[eras.sources]]\n");
            field(&mut out, "source", &c.source);
            field(&mut out, "quote", &c.quote);
        }
        out.push('\n');
    }
    out
}
