//! The flood table in the README: hostile and realistic inputs, each loaded
//! or imported the way the program reads them, with the peak memory (by a
//! counting allocator, the input's own text included) and the time taken.
//! `cargo run --release --example floods`

#[path = "shared/counting.rs"]
mod counting;

use std::time::Instant;
use tipline::load::{load, DataFile};

const MB: usize = 1 << 20;

/// Builds the input, then runs `read` on it and reports the row.
fn row(what: &str, kind: &str, make: impl FnOnce() -> String, read: impl FnOnce(String) -> String) {
    let text = make();
    let size = text.len();
    // The input's own text counts: it is what the program holds too.
    let before = counting::reset() - size;
    let started = Instant::now();
    let outcome = read(text);
    let took = started.elapsed();
    let peak = counting::peak_since(before);
    println!(
        "| {what} | {} | {} | {} | {:.1}× | {:.2} s | {outcome} |",
        kind,
        bytes(size),
        bytes(peak),
        peak as f64 / size as f64,
        took.as_secs_f64()
    );
}

/// Loads one TOML data file; what came of it, in a few words.
fn load_toml(text: String) -> String {
    let loaded = load(vec![DataFile {
        name: "flood.toml".into(),
        text,
    }]);
    match &loaded.timeline {
        Some(t) => format!("{} events", t.events.len()),
        None => format!("refused: {}", first_words(&loaded.diagnostics[0].message)),
    }
}

/// Reads a TimelineJS file as `--data x.json` does: converted, loaded, and
/// every problem traced back to its slide.
fn load_json(text: String) -> String {
    match tipline::interop::timelinejs::import("flood.json", &text) {
        Err(d) => format!("refused: {}", first_words(&d.message)),
        Ok(imported) => {
            drop(text);
            let toml = imported.to_toml();
            let origins = imported.origins(&toml);
            let (events, _) = (imported.events.len(), drop(imported));
            // As `tipline check` reads it: with every sentence's citations.
            let loaded = tipline::load::load_checking(
                vec![DataFile {
                    name: "flood.toml".into(),
                    text: toml,
                }],
                &mut |_, _| {},
                true,
            );
            let traced = loaded
                .diagnostics
                .iter()
                .filter(|d| origins.at(d.line).is_some())
                .count();
            format!("{events} events; {traced} problems traced to their slide")
        }
    }
}

/// A data file whose one glossary term has `n` aliases.
fn term_with_aliases(n: usize) -> String {
    let aliases: Vec<String> = (0..n).map(|i| format!("\"a{i}\"")).collect();
    format!(
        "[[sources]]\nid = \"s\"\npublisher = \"P\"\nlabel = \"L\"\n\n[[terms]]\nid = \"t\"\nname = \"T\"\n\
         aliases = [{}]\ndefinition = \"A term.[1]\"\n[[terms.sources]]\nsource = \"s\"\nquote = \"A term.\"\n",
        aliases.join(",")
    )
}

/// Imports a `.bib` file as `tipline import bibtex` does.
fn import_bib(text: String) -> String {
    match tipline::interop::reference_import::bibtex("flood.bib", &text) {
        Ok(read) => format!("{} sources", read.sources.len()),
        Err(problems) => format!("refused: {}", first_words(&problems[0].message)),
    }
}

/// The reason, up to its first `;` or colon.
fn first_words(message: &str) -> String {
    message.split([':', ';']).next().unwrap_or(message).to_string()
}

fn bytes(n: usize) -> String {
    if n >= MB {
        format!("{:.1} MB", n as f64 / MB as f64)
    } else {
        format!("{:.1} KB", n as f64 / 1024.0)
    }
}

fn main() {
    println!("| input | kind | size | peak | factor | time | outcome |");
    println!("|---|---|---|---|---|---|---|");
    row("50 MB of `=`", "hostile", || "=".repeat(50 * MB), load_toml);
    row(
        "`x = [1,1,...]`, 10 million numbers",
        "hostile",
        || format!("x = [{}1]\n", "1,".repeat(10_000_000)),
        load_toml,
    );
    row(
        "an inline array of 2 million 8-letter strings",
        "hostile",
        || format!("x = [{}\"a\"]\n", "\"abcdefgh\",".repeat(2_000_000)),
        load_toml,
    );
    row(
        "one term with 200,000 aliases",
        "hostile",
        || term_with_aliases(200_000),
        load_toml,
    );
    row(
        "one term with 90,000 aliases (under 1 MB)",
        "hostile",
        || term_with_aliases(90_000),
        load_toml,
    );
    row(
        "TimelineJS: a slide holding 32 million numbers",
        "hostile",
        || {
            format!(
                "{{\"events\": [{{\"start_date\": {{\"year\": \"2019\"}}, \"media\": {{\"url\": [{}1]}}}}]}}",
                "1,".repeat(32 * MB)
            )
        },
        load_json,
    );
    row(
        "TimelineJS: 20,000 slides whose media addresses are not web addresses",
        "many tiny events",
        || {
            let slides: Vec<String> = (0..20_000)
                .map(|i| {
                    format!(
                        "{{\"start_date\": {{\"year\": \"2019\"}}, \"text\": {{\"headline\": \"H{i}\", \"text\": \"x\"}}, \
                         \"media\": {{\"url\": \"not a url {i}\"}}}}"
                    )
                })
                .collect();
            format!("{{\"events\": [{}]}}", slides.join(","))
        },
        load_json,
    );
    row(
        ".bib: one entry of 4 million fields",
        "hostile",
        || {
            let fields: String = (0..4_000_000).map(|i| format!("f{i}={{x}},")).collect();
            format!("@misc{{k,\n{fields}}}\n")
        },
        import_bib,
    );
    row(
        ".bib: thirty `@string`s, each twice the one before",
        "hostile",
        || {
            let mut laughs = String::from("@string{l0 = \"xxxxxxxxxx\"}\n");
            for i in 1..=30 {
                laughs.push_str(&format!("@string{{l{i} = l{} # l{}}}\n", i - 1, i - 1));
            }
            laughs + "@misc{k, title = l30, publisher = {P}}\n"
        },
        import_bib,
    );
    row(
        ".bib: 20,000 ordinary entries",
        "realistic",
        || {
            (0..20_000)
                .map(|i| {
                    format!(
                        "@misc{{key{i},\n  title = {{Report {i} on {{Cambodia}}}},\n  howpublished = {{Publisher}},\n  \
                         url = {{https://example.org/r/{i}}},\n  year = {{2019}},\n}}\n\n"
                    )
                })
                .collect()
        },
        import_bib,
    );
    row(
        "synthetic data, 10,000 events",
        "realistic",
        || {
            let (s, a, e) = tipline::synth::generate(10_000, 7);
            tipline::load::write::to_toml(&s, &a, &e)
        },
        load_toml,
    );
    row(
        "the same as TimelineJS",
        "realistic",
        || {
            let t = tipline::synth::timeline(10_000, 7);
            let all: Vec<usize> = (0..t.events.len()).collect();
            tipline::interop::timelinejs::export(&t, &all, "Synthetic").to_string()
        },
        load_json,
    );
}
