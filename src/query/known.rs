//! Whether a query's actors and tags name anything in a timeline: a
//! misspelt name would otherwise quietly match nothing.

use super::{Query, Term};
use crate::text::{did_you_mean, fold};
use crate::timeline::model::Timeline;

/// A message for each actor or tag the query names that the timeline does
/// not have, with the nearest name that it does.
pub fn unknown_values(q: &Query, t: &Timeline) -> Vec<String> {
    let mut out = Vec::new();
    for clause in &q.clauses {
        match &clause.term {
            Term::Actor(a) => {
                let wanted = fold(a);
                let found = t.actors.iter().enumerate().any(|(i, actor)| {
                    actor.id == wanted || t.actor_keys_at(i).iter().any(|k| k.contains(&wanted))
                });
                if !found {
                    let mut names: Vec<&str> = t.actors.iter().map(|a| a.id.as_str()).collect();
                    names.extend(t.actors.iter().map(|a| a.name.as_str()));
                    let folded: Vec<String> = names.iter().map(|n| fold(n)).collect();
                    let folded_refs: Vec<&str> = folded.iter().map(String::as_str).collect();
                    let hint = did_you_mean(&wanted, &folded_refs)
                        .map(|h| format!(" ({h})"))
                        .unwrap_or_default();
                    out.push(format!("no actor matches `{a}`{hint}"));
                }
            }
            Term::Tag(g) => {
                let wanted = fold(g);
                if !t.tag_names().iter().any(|n| fold(n) == wanted) {
                    let names: Vec<&str> = t.tag_names().iter().map(String::as_str).collect();
                    let hint = did_you_mean(&wanted, &names)
                        .map(|h| format!(" ({h})"))
                        .unwrap_or_default();
                    out.push(format!("no event has the tag `{g}`{hint}"));
                }
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn misspelt_actors_and_tags_are_named_with_a_suggestion() {
        let file = crate::load::DataFile {
            name: "known.toml".into(),
            text: "[[actors]]\nid = \"hun-sen\"\nname = \"Hun Sen\"\nkind = \"person\"\n\
                   [[actors]]\nid = \"sar-kheng\"\nname = \"Sar Kheng\"\nkind = \"person\"\n\
                   [[sources]]\nid = \"s\"\npublisher = \"P\"\ntitle = \"T\"\n\
                   [[events]]\nid = \"e\"\ndate = \"2022\"\ntitle = \"T\"\nkind = \"national-day\"\n\
                   actors = [\"hun-sen\", \"sar-kheng\"]\nsummary = \"S.\"\ntags = [\"national-day\"]\n\
                   [[events.sources]]\nsource = \"s\"\nquote = \"Q\"\n"
                .into(),
        };
        let t = crate::load::load(vec![file]).timeline.unwrap();
        let q = Query::parse("actor:hunsen tag:nosuchtag actor:\"sar kheng\" tag:national-day").unwrap();
        assert_eq!(
            unknown_values(&q, &t),
            [
                "no actor matches `hunsen` (did you mean `hun-sen`?)",
                "no event has the tag `nosuchtag`",
            ]
        );
        assert!(
            unknown_values(&Query::parse("actor:kheng").unwrap(), &t).is_empty(),
            "part of a name"
        );
    }
}
