//! Arbitrary bytes as a `.bib` file: the import never panics, overflows
//! its stack or grows without bound, and what it reads exports to BibTeX
//! that the `biblatex` crate parses back to the same sources.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    tipline::synth::bib_round_trip(&text);
});
