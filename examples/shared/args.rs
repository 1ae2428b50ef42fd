//! The `--events N [--seed S]` arguments the examples share.

/// Reads `--events N` and `--seed S`, exiting with a usage line otherwise.
pub fn events_and_seed(program: &str, default_events: usize) -> (usize, u64) {
    let mut events = default_events;
    let mut seed = 1u64;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let value = args.next().and_then(|v| v.parse::<u64>().ok());
        match (a.as_str(), value) {
            ("--events", Some(v)) => events = v as usize,
            ("--seed", Some(v)) => seed = v,
            _ => {
                eprintln!("usage: {program} --events N [--seed S]");
                std::process::exit(2);
            }
        }
    }
    (events, seed)
}
