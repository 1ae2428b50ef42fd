fn main() {
    let path = std::env::args().nth(1).unwrap();
    let t = std::time::Instant::now();
    let text = std::fs::read_to_string(&path).unwrap();
    eprintln!("read {:?}", t.elapsed());
    let t = std::time::Instant::now();
    let v: toml::Table = toml::from_str(&text).unwrap();
    eprintln!("bare from_str {:?}", t.elapsed());
    drop(v);
    let t = std::time::Instant::now();
    let (d, _) = toml::de::DeTable::parse_recoverable(&text);
    eprintln!("DeTable whole {:?}", t.elapsed());
    drop(d);
    let t = std::time::Instant::now();
    let f = tipline::load::DataFile {
        name: path.clone(),
        text,
    };
    let l = tipline::load::load(vec![f]);
    eprintln!("load {:?} {}", t.elapsed(), l.timeline.is_some());
}
