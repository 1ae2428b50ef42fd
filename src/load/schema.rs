//! The shapes of tipline's TOML files, for JSON Schemas that editors use
//! for completion and validation (`schema/*.json`, `tipline schema`).
//!
//! The loader reads files by hand, with spans; these types only describe
//! the format. They are never deserialised into: a test validates every
//! valid fixture, the embedded data and the embedded lessons against the
//! generated schemas, and checks that the schemas reject the invalid
//! fixtures, so the two cannot drift apart unnoticed. What a schema cannot
//! say: references between records and files (an unknown source, actor or
//! event; a duplicate id), dates off the calendar (30 February), an `end`
//! before its `date`, and the rules worked out from several fields
//! (corroboration, figures' sources among the event's citations).

#![allow(dead_code)] // Fields exist to be described, not read.

use crate::timeline::model::{ActorKind, Corroboration, EventKind, Relation};
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};

/// A value type of the format, described by a fixed schema and written in
/// place wherever it is used.
macro_rules! value_type {
    ($(#[$meta:meta])* $name:ident => $schema:expr) => {
        $(#[$meta])*
        struct $name;

        impl JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }

            fn inline_schema() -> bool {
                true
            }

            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                $schema
            }
        }
    };
}

const DATE: &str = "[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?";

value_type!(
    /// A one-line text with something in it.
    Line => json_schema!({ "type": "string", "pattern": "\\S" })
);
value_type!(
    /// An id: lower-case letters, digits and hyphens.
    Slug => json_schema!({ "type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$" })
);
value_type!(
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    Date => json_schema!({ "type": "string", "pattern": format!("^{DATE}$") })
);
value_type!(
    /// An event's date: a plain date with an EDTF qualifier, or a set of days.
    EventDate => json_schema!({
        "type": "string",
        "pattern": format!("^({DATE}[~?%]?|\\[{DATE}(,{DATE})+\\])$")
    })
);
value_type!(
    /// An event's end: a date with a qualifier, or `..` for no end given.
    EventEnd => json_schema!({ "type": "string", "pattern": format!("^({DATE}[~?%]?|\\.\\.)$") })
);
value_type!(
    /// An absolute http(s) address whose host has a dot.
    Address => json_schema!({ "type": "string", "pattern": "^https?://[^/?#\\s]*\\.[^/?#\\s]*([/?#]\\S*)?$" })
);
value_type!(EventKindName => words(EventKind::names()));
value_type!(ActorKindName => words(ActorKind::names()));
value_type!(RelationName => words(Relation::names()));
value_type!(CorroborationName => words(Corroboration::names()));
value_type!(
    /// What a lesson stop may reveal.
    Part => words(REVEAL_PARTS.to_vec())
);
value_type!(
    /// A chart a query stop draws of its events.
    ChartName => words(CHARTS.to_vec())
);
value_type!(ThemeName => words(THEMES.to_vec()));
value_type!(PublishedFromName => words(crate::load::address_date::PUBLISHED_FROM.to_vec()));
value_type!(
    /// `action = "key"` or `action = ["key", ...]`, and `[keys.CONTEXT]` tables of the same.
    Keys => {
        let binding = json_schema!({
            "anyOf": [
                { "type": "string" },
                { "type": "array", "items": { "type": "string" } }
            ]
        });
        json_schema!({
            "type": "object",
            "additionalProperties": {
                "anyOf": [
                    binding,
                    { "type": "object", "additionalProperties": binding }
                ]
            }
        })
    }
);

fn words(names: Vec<&'static str>) -> Schema {
    json_schema!({ "type": "string", "enum": names })
}

/// What a lesson stop may reveal (the lesson reader's parts; a test keeps them equal).
pub const REVEAL_PARTS: &[&str] = &["date", "facts", "figures", "quote"];

/// The charts a lesson stop may name, as lessons write them.
pub const CHARTS: &[&str] = &["tiers"];

/// Theme names the app knows (checked against the app by a test).
pub const THEMES: &[&str] = &["dark", "light", "high-contrast"];

/// A tipline data file: sources, actors, events, eras, observances and glossary terms.
#[derive(JsonSchema)]
#[schemars(title = "tipline data file", deny_unknown_fields)]
pub struct DataFile {
    sources: Option<Vec<SourceShape>>,
    actors: Option<Vec<ActorShape>>,
    events: Option<Vec<EventShape>>,
    eras: Option<Vec<EraShape>>,
    observances: Option<Vec<ObservanceShape>>,
    terms: Option<Vec<TermShape>>,
}

/// A source: a page, article or document the events quote.
#[derive(JsonSchema)]
#[schemars(
    deny_unknown_fields,
    extend(
        "oneOf" = [{ "required": ["title"] }, { "required": ["label"] }],
        "dependentRequired" = { "published_from": ["published"] }
    )
)]
struct SourceShape {
    /// A slug, unique among sources.
    id: Slug,
    /// Who published it.
    publisher: Line,
    /// The article's or page's own title.
    title: Option<Line>,
    /// A description the compilers wrote, when the material gives no title.
    label: Option<Line>,
    /// An absolute http(s) address.
    url: Option<Address>,
    /// Where the material places the text when it gives no web address.
    locator: Option<Line>,
    /// Publication date: YYYY, YYYY-MM or YYYY-MM-DD.
    published: Option<Date>,
    /// Where `published` was found: `material` (the default: the material's
    /// words) or `address` (read from the page's address, `/2025/10/14/`).
    published_from: Option<PublishedFromName>,
    /// When the page was read.
    accessed: Option<Date>,
    /// An archived copy's address (absolute http(s)).
    archive_url: Option<Address>,
    /// The page's language as a BCP 47 tag (`km`), when not English.
    language: Option<Line>,
    /// The title in English, when the page's is in another language.
    trans_title: Option<Line>,
    /// The id of a source this one reports (a wire copy of a speech).
    reports: Option<Slug>,
    /// What the source ultimately rests on, shared by dependent sources.
    origin: Option<Line>,
    /// The id of the actor whose words the source is.
    author: Option<Slug>,
}

/// A person, government body or organisation.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct ActorShape {
    id: Slug,
    /// The name shown.
    name: Line,
    /// Other spellings the texts use.
    aliases: Option<Vec<Line>>,
    kind: ActorKindName,
    roles: Option<Vec<RoleShape>>,
}

/// A position and the period it was held.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct RoleShape {
    title: Line,
    from: Option<Date>,
    to: Option<Date>,
}

/// Something that happened, with the sources that say so.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct EventShape {
    /// A stable slug, unique among events.
    id: Slug,
    /// YYYY, YYYY-MM or YYYY-MM-DD, maybe ending in ~ ? or %; or a set of days `[d,d]`.
    date: EventDate,
    /// The end of a range, or `..` when the sources give none.
    end: Option<EventEnd>,
    /// How a date was worked out when no source states it.
    derived: Option<Line>,
    title: Line,
    kind: EventKindName,
    /// Actor ids: those who act in the event.
    actors: Option<Vec<Slug>>,
    /// Actors the quotes name who do not act in the event, each with why.
    not_acting: Option<Vec<NotActingShape>>,
    location: Option<Line>,
    /// A few neutral sentences.
    summary: Line,
    details: Option<Line>,
    /// The compilers' own reasoning (how a date was worked out, what the
    /// material does not settle), shown apart from the summary.
    note: Option<Line>,
    figures: Option<Vec<FigureShape>>,
    disputes: Option<Vec<DisputeShape>>,
    /// At least one citation.
    #[schemars(length(min = 1))]
    sources: Vec<CitationShape>,
    tags: Option<Vec<Line>>,
    related: Option<Vec<LinkShape>>,
    /// Worked out from the sources; if written, it must agree.
    corroboration: Option<CorroborationName>,
    /// A standing in a ranking, such as a TIP report tier.
    ranking: Option<Line>,
}

/// An actor a quote names who does not act in the event.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct NotActingShape {
    /// The actor's id.
    actor: Slug,
    /// Why the quote names them though they do not act.
    why: Line,
}

/// A number an event gives.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct FigureShape {
    label: Line,
    value: f64,
    unit: Option<Line>,
    period: Option<Line>,
    /// The actor who gave the figure.
    according_to: Option<Slug>,
    /// Ids of the event's citations that give this value.
    sources: Option<Vec<Slug>>,
    alternatives: Option<Vec<AlternativeShape>>,
}

/// Another value other sources give.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct AlternativeShape {
    value: f64,
    sources: Vec<Slug>,
}

/// Sources that disagree about one thing.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct DisputeShape {
    about: Line,
    #[schemars(length(min = 2))]
    claims: Vec<ClaimShape>,
}

#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct ClaimShape {
    value: Line,
    sources: Vec<Slug>,
}

/// A verbatim quote from a source.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct CitationShape {
    /// A source id.
    source: Slug,
    /// A verbatim, non-empty excerpt.
    quote: Line,
}

#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct LinkShape {
    event: Slug,
    relation: RelationName,
}

/// A named span of time.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct EraShape {
    id: Slug,
    title: Line,
    start: Date,
    end: Date,
    sources: Option<Vec<CitationShape>>,
}

/// A day kept every year.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct ObservanceShape {
    id: Slug,
    title: Line,
    /// The day of the year as MM-DD.
    #[schemars(regex(pattern = r"^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"))]
    on: String,
    /// The first year.
    #[schemars(regex(pattern = r"^[0-9]{4}$"))]
    since: String,
    #[schemars(length(min = 1))]
    sources: Vec<CitationShape>,
}

/// A glossary term, defined in the project's words and sourced.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct TermShape {
    id: Slug,
    name: Line,
    /// An abbreviation the texts use (`NCCT`).
    short: Option<Line>,
    /// Other words that name the term in the texts.
    aliases: Option<Vec<Line>>,
    /// A few neutral sentences.
    definition: Line,
    #[schemars(length(min = 1))]
    sources: Vec<CitationShape>,
    /// Ids of related terms.
    see: Option<Vec<Slug>>,
}

/// A lesson: stops through the timeline, each with a question.
#[derive(JsonSchema)]
#[schemars(title = "tipline lesson", deny_unknown_fields)]
pub struct LessonFile {
    title: Line,
    summary: Line,
    audience: Option<Line>,
    duration: Option<Line>,
    #[schemars(length(min = 1))]
    stops: Vec<StopShape>,
}

/// One stop: an event id or a query, and a prompt.
#[derive(JsonSchema)]
#[schemars(
    deny_unknown_fields,
    extend("oneOf" = [{ "required": ["event"] }, { "required": ["query"] }])
)]
struct StopShape {
    event: Option<Slug>,
    /// Query text, as typed in the app.
    query: Option<Line>,
    /// What a query stop is called in the overview and the notes.
    title: Option<Line>,
    prompt: Line,
    notes: Option<Line>,
    /// What the reveal shows, in order.
    reveal: Option<Vec<Part>>,
    /// Minutes planned for the stop ("8 minutes").
    duration: Option<Line>,
    /// A chart drawn of a query stop's events instead of their list
    /// (`tiers`: the US TIP report's tier over the years).
    chart: Option<ChartName>,
}

/// The app's settings file.
#[derive(JsonSchema)]
#[schemars(title = "tipline config", deny_unknown_fields)]
pub struct ConfigFile {
    /// Colour theme.
    theme: Option<ThemeName>,
    /// Whether the app captures the mouse.
    mouse: Option<bool>,
    /// Whether web addresses are drawn as terminal hyperlinks (OSC 8); by
    /// default they are, except on the Linux console and dumb terminals.
    hyperlinks: Option<bool>,
    /// Key bindings: `action = "key"` for browsing, `[keys.CONTEXT]` for other contexts.
    keys: Option<Keys>,
}

fn render<T: JsonSchema>() -> String {
    let schema = schemars::generate::SchemaSettings::draft2020_12()
        .into_generator()
        .into_root_schema_for::<T>();
    let mut value = schema.to_value();
    drop_null(&mut value);
    format!(
        "{}\n",
        serde_json::to_string_pretty(&value).expect("a schema serialises")
    )
}

/// TOML has no null: an optional field is left out, never null, so the
/// `null` alternative the generator gives optional fields is dropped.
fn drop_null(value: &mut serde_json::Value) {
    use serde_json::Value;
    let Value::Object(map) = value else {
        if let Value::Array(items) = value {
            items.iter_mut().for_each(drop_null);
        }
        return;
    };
    if let Some(Value::Array(types)) = map.get_mut("type") {
        types.retain(|t| t != "null");
        if types.len() == 1 {
            let only = types[0].clone();
            map.insert("type".into(), only);
        }
    }
    if let Some(Value::Array(names)) = map.get_mut("enum") {
        names.retain(|n| !n.is_null());
    }
    if let Some(Value::Array(options)) = map.get_mut("anyOf") {
        options.retain(|o| o.get("type").is_none_or(|t| t != "null"));
        if let [Value::Object(only)] = options.as_slice() {
            let only = only.clone();
            map.remove("anyOf");
            for (k, v) in only {
                map.entry(k).or_insert(v);
            }
        }
    }
    map.values_mut().for_each(drop_null);
}

/// The JSON Schema of data files, as written to `schema/data.json`.
pub fn data_json() -> String {
    render::<DataFile>()
}

/// The JSON Schema of lesson files (`schema/lesson.json`).
pub fn lesson_json() -> String {
    render::<LessonFile>()
}

/// The JSON Schema of the config file (`schema/config.json`).
pub fn config_json() -> String {
    render::<ConfigFile>()
}
