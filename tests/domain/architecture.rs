//! The shape of the code, checked: modules import each other without
//! cycles, the domain knows nothing of terminals, no source file grows past
//! 800 lines, and ARCHITECTURE.md names only modules that exist.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Every `.rs` file under `src/`, with its module path (`app::panes::detail`).
fn modules() -> BTreeMap<String, PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let src = Path::new(ROOT).join("src");
    let mut files = Vec::new();
    walk(&src, &mut files);
    files
        .into_iter()
        .filter_map(|f| {
            let rel = f.strip_prefix(&src).unwrap().with_extension("");
            let mut parts: Vec<String> = rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
            if parts.last().is_some_and(|p| p == "mod") {
                parts.pop();
            }
            if parts == ["lib"] || parts == ["main"] {
                return None;
            }
            Some((parts.join("::"), f))
        })
        .collect()
}

/// The code of a file without its `#[cfg(test)]` module, which may use
/// anything of the module it tests.
fn code_of(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    match text.find("#[cfg(test)]\nmod tests") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// The paths a file names: `crate::a::b` and `super::x`, with `use`
/// groups (`use super::{a, b::c}`) taken apart. Each is a list of segments
/// from the crate root.
fn named_paths(module: &str, code: &str) -> Vec<Vec<String>> {
    let here: Vec<String> = module.split("::").map(String::from).collect();
    let is_dir_module = modules()
        .get(module)
        .is_some_and(|p| p.file_name().is_some_and(|n| n == "mod.rs"));
    // `super` of a file module is its folder's module; of a folder's mod.rs, the parent folder's.
    let parent: Vec<String> = if is_dir_module {
        here[..here.len().saturating_sub(1)].to_vec()
    } else {
        here[..here.len() - 1].to_vec()
    };
    let mut out = Vec::new();
    let text = code;
    // A folder's mod.rs names its own children bare (`use records::X`) or as `self::`.
    let own = if is_dir_module {
        here.clone()
    } else {
        parent.clone()
    };
    let children: Vec<String> = modules()
        .keys()
        .filter_map(|m| m.strip_prefix(&format!("{}::", own.join("::"))).map(String::from))
        .filter(|m| !m.contains("::"))
        .collect();
    if is_dir_module {
        // Paths into a child anywhere in the code: `list::facets(..)`.
        for child in &children {
            let needle = format!("{child}::");
            let mut from = 0;
            while let Some(i) = code[from..].find(&needle) {
                let at = from + i;
                from = at + needle.len();
                let before = code[..at].chars().last();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                    continue;
                }
                let mut path = here.clone();
                path.push(child.clone());
                out.push(path);
            }
        }
    }
    for line in code.lines() {
        let line = line
            .trim_start()
            .trim_start_matches("pub ")
            .trim_start_matches("pub(crate) ")
            .trim_start_matches("pub(super) ");
        if let Some(rest) = line.strip_prefix("use ") {
            let first: String = rest
                .trim_start_matches("self::")
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if is_dir_module && children.contains(&first) {
                let mut path = here.clone();
                path.push(first);
                out.push(path);
            }
        }
    }
    for (prefix, base) in [("crate::", Vec::new()), ("super::", parent.clone())] {
        let mut from = 0;
        while let Some(i) = text[from..].find(prefix) {
            let start = from + i;
            from = start + prefix.len();
            // Not the tail of a longer identifier (`my_crate::`).
            if start > 0 {
                let before = text[..start].chars().last().unwrap();
                if before.is_alphanumeric() || before == '_' {
                    continue;
                }
            }
            let rest = &text[from..];
            if let Some(group) = rest.strip_prefix('{') {
                let end = group.find('}').unwrap_or(group.len());
                for item in group[..end].split(',') {
                    let first: String = item
                        .trim()
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                        .collect();
                    let mut path = base.clone();
                    path.extend(first.split("::").filter(|s| !s.is_empty()).map(String::from));
                    out.push(path);
                }
            } else {
                let seg: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                    .collect();
                let mut path = base.clone();
                path.extend(seg.split("::").filter(|s| !s.is_empty()).map(String::from));
                out.push(path);
            }
        }
    }
    out
}

/// Module `a` imports module `b` when it names a path into `b` (the
/// longest prefix of the path that is a module).
fn import_graph() -> BTreeMap<String, BTreeSet<String>> {
    let mods = modules();
    let mut graph = BTreeMap::new();
    for (module, path) in &mods {
        let mut edges = BTreeSet::new();
        for named in named_paths(module, &code_of(path)) {
            let target = (1..=named.len())
                .rev()
                .map(|n| named[..n].join("::"))
                .find(|m| mods.contains_key(m));
            if let Some(t) = target {
                if &t != module {
                    edges.insert(t);
                }
            }
        }
        graph.insert(module.clone(), edges);
    }
    graph
}

/// The import cycles: strongly connected groups of more than one module.
fn cycles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    // Two modules are in one cycle when each reaches the other.
    let reach = |from: &str| -> BTreeSet<String> {
        let mut seen = BTreeSet::new();
        let mut todo = vec![from.to_string()];
        while let Some(m) = todo.pop() {
            for next in graph.get(&m).into_iter().flatten() {
                if seen.insert(next.clone()) {
                    todo.push(next.clone());
                }
            }
        }
        seen
    };
    let reaches: BTreeMap<&String, BTreeSet<String>> = graph.keys().map(|m| (m, reach(m))).collect();
    let mut groups: Vec<Vec<String>> = Vec::new();
    for m in graph.keys() {
        if groups.iter().any(|g| g.contains(m)) {
            continue;
        }
        let group: Vec<String> = graph
            .keys()
            .filter(|o| *o == m || (reaches[m].contains(*o) && reaches[*o].contains(m)))
            .cloned()
            .collect();
        if group.len() > 1 {
            groups.push(group);
        }
    }
    groups
}

#[test]
fn no_import_cycles_between_modules() {
    let graph = import_graph();
    // The checker itself sees what it should.
    assert!(
        graph["app::state"].contains("app::input"),
        "{:?}",
        graph["app::state"]
    );
    assert!(graph["load"].contains("load::records"), "{:?}", graph["load"]);
    assert!(graph["load::eras"].contains("load::gather"));
    let found = cycles(&graph);
    assert!(found.is_empty(), "import cycles: {found:#?}");
}

#[test]
fn the_cycle_finder_finds_a_cycle() {
    let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    g.insert("a".into(), ["b".to_string()].into());
    g.insert("b".into(), ["c".to_string()].into());
    g.insert("c".into(), ["a".to_string()].into());
    g.insert("d".into(), ["a".to_string()].into());
    assert_eq!(cycles(&g), vec![vec!["a".to_string(), "b".into(), "c".into()]]);
}

#[test]
fn the_domain_knows_nothing_of_terminals() {
    for (module, path) in modules() {
        let top = module.split("::").next().unwrap();
        if !["timeline", "load", "query", "teach", "text", "plain"].contains(&top) {
            continue;
        }
        let code = std::fs::read_to_string(&path).unwrap();
        for lib in ["ratatui", "crossterm"] {
            assert!(!code.contains(lib), "{module} mentions {lib}");
        }
    }
}

#[test]
fn no_source_file_passes_800_lines_and_main_stays_tiny() {
    for (module, path) in modules() {
        let lines = std::fs::read_to_string(&path).unwrap().lines().count();
        assert!(lines <= 800, "{module} has {lines} lines");
    }
    let main = std::fs::read_to_string(Path::new(ROOT).join("src/main.rs")).unwrap();
    assert!(main.lines().count() <= 10, "src/main.rs: {main}");
}

#[test]
fn architecture_names_only_modules_that_exist() {
    let text = std::fs::read_to_string(Path::new(ROOT).join("ARCHITECTURE.md")).unwrap();
    let mut named = 0;
    for word in text.split(|c: char| c.is_whitespace() || "`(),;".contains(c)) {
        if let Some(path) = word.strip_prefix("src/") {
            let path = path.trim_end_matches(['.', ':']);
            assert!(
                Path::new(ROOT).join("src").join(path).exists(),
                "ARCHITECTURE.md names src/{path}, which does not exist"
            );
            named += 1;
        }
    }
    assert!(named >= 10, "ARCHITECTURE.md names {named} modules");
    // Every folder of the source is described.
    for (module, _) in modules() {
        let top = module.split("::").next().unwrap();
        assert!(
            text.contains(&format!("src/{top}")),
            "ARCHITECTURE.md does not describe src/{top}"
        );
    }
}

#[test]
fn architecture_describes_every_source_file() {
    let text = std::fs::read_to_string(Path::new(ROOT).join("ARCHITECTURE.md")).unwrap();
    let mut files = Vec::new();
    let mut dirs = vec![Path::new(ROOT).join("src")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    assert!(files.len() > 50, "{} source files", files.len());
    let missing: Vec<String> = files
        .iter()
        .filter(|path| {
            let name = path.file_name().unwrap().to_str().unwrap();
            let relative = path
                .strip_prefix(ROOT)
                .unwrap()
                .to_str()
                .unwrap()
                .replace('\\', "/");
            !text.contains(&format!("`{name}`")) && !text.contains(&format!("`{relative}`"))
        })
        .map(|path| path.display().to_string())
        .collect();
    assert!(
        missing.is_empty(),
        "ARCHITECTURE.md does not describe: {missing:?}"
    );
}
