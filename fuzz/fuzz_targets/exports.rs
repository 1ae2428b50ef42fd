//! Arbitrary text in every field, exported as Markdown and CSV: the
//! Markdown holds no HTML and no element the exporter did not write, and
//! the CSV reads back with every row whole and no cell a spreadsheet would
//! run as a formula.
#![no_main]
use libfuzzer_sys::fuzz_target;
use pulldown_cmark::{Event, Options, Parser, Tag};
use tipline::cli::output;
use tipline::cli::ListFormat;
use tipline::interop::handout;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Some(t) = tipline::synth::hostile_timeline(text) else { return };
    let hits: Vec<usize> = (0..t.events.len()).collect();
    let doc = handout::Document::events("Fuzz", text, &t, &hits);
    let md = handout::markdown(&doc, &t);
    for event in Parser::new_ext(&md, Options::all()) {
        match event {
            Event::Html(h) | Event::InlineHtml(h) => panic!("raw HTML in Markdown: {h:?}"),
            Event::Start(Tag::Image { .. }) => panic!("an image the exporter did not write"),
            Event::Start(Tag::CodeBlock(_)) => panic!("a code block opened by data"),
            _ => {}
        }
    }
    let csv_text = output::list(&t, &hits, ListFormat::Csv);
    let mut reader = csv::ReaderBuilder::new().from_reader(csv_text.as_bytes());
    let width = reader.headers().expect("a header row").len();
    for record in reader.records() {
        let record = record.expect("every row reads back");
        assert_eq!(record.len(), width, "a row with the wrong number of cells");
        for cell in record.iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "a cell a spreadsheet would run: {cell:?}"
            );
        }
    }
});
