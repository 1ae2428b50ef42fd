//! Query text: parsing never panics, and what parses prints back to text
//! that parses to the same query.
#![no_main]
use libfuzzer_sys::fuzz_target;
use tipline::Query;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match Query::parse(text) {
        Ok(q) => {
            let again = Query::parse(&q.to_string()).expect("printed query parses");
            assert_eq!(again, q);
        }
        Err(e) => assert!(e.column >= 1),
    }
});
