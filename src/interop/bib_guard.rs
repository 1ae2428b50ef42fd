//! A bounded first reading of a `.bib` file, before the `biblatex` crate
//! sees any of it.
//!
//! The crate expands `@string`s, `crossref` and `xdata` by recursion, with
//! no memory of what it has expanded already, and holds the whole file as
//! small allocations: `@string{a = a}` overflows the stack, 24 doubling
//! strings grow a 787-byte file into a 167 MB title, and an entry of four
//! million tiny fields takes 54 times its size. This reading follows the
//! crate's grammar (so that the two agree on where each value starts and
//! ends), measures what every value would expand to, and refuses a file
//! whose strings or links loop, nest too deep or grow past the bounds
//! below, naming every problem with its place. What passes is handed to the
//! crate one entry at a time, with only the strings and entries that entry
//! draws on, so memory follows the largest entry rather than the file.

use super::bib_scan::{Parts, Scanner, Syntax};
use biblatex::{Bibliography, Pair, RawBibliography, RawChunk, RawEntry, Spanned};
use std::collections::HashMap;
use std::ops::Range;

/// Braces inside one value: a command's argument is parsed by recursion.
pub const MAX_BRACE_DEPTH: usize = 64;
/// Strings naming strings: each step is a level of recursion in the crate.
pub const MAX_CHAIN: u32 = 32;
/// Entries drawn on through `crossref`/`xdata`, by every path: the crate
/// copies and resolves a parent again for each path that reaches it.
pub const MAX_LINKS: u64 = 16;
/// Fields in one entry; the crate spends some 500 bytes on each.
pub const MAX_FIELDS: usize = 256;
/// Bytes one field or string may expand to.
pub const MAX_FIELD_BYTES: u64 = 1 << 20;
/// Braces and `$` in one expanded field: each makes a piece the crate
/// merges back one by one, which takes time quadratic in their number.
pub const MAX_GROUPS: u64 = 1024;
/// Distinct `@string` names.
pub const MAX_STRINGS: usize = 100_000;
/// Everything the file's fields expand to, with what entries inherit, may
/// be this many times the file (plus [`EXPANSION_SLACK`] for small files).
pub const EXPANSION_FACTOR: u64 = 16;
pub const EXPANSION_SLACK: u64 = 1 << 20;
/// Problems listed before the rest are only counted.
pub const MAX_PROBLEMS: usize = 20;

/// What is wrong, and where (a byte range of the file).
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub at: Range<usize>,
    pub message: String,
}

/// The problems found, the first [`MAX_PROBLEMS`] of them kept.
#[derive(Debug, Default)]
pub struct Problems {
    pub kept: Vec<Problem>,
    pub more: usize,
}

impl Problems {
    fn add(&mut self, at: Range<usize>, message: String) {
        if self.kept.len() < MAX_PROBLEMS {
            self.kept.push(Problem { at, message });
        } else {
            self.more += 1;
        }
    }

    pub fn is_empty(&self) -> bool {
        self.kept.is_empty()
    }
}

/// Bytes, braces and `$`, and the deepest brace of a literal; the depth
/// counts every brace, escaped or not, as a command's argument is matched
/// that way, and `at` is where it first went too deep.
#[derive(Clone, Copy, Default, Debug)]
struct Measure {
    bytes: u64,
    groups: u64,
    chain: u32,
}

fn measure_literal(text: &str, offset: usize, problems: &mut Problems) -> Measure {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut groups = 0u64;
    let mut reported = false;
    // A brace or `$` after a backslash is a character to the crate, not a
    // piece (an export writes `\{` for a brace in a title), and the `{}`
    // closing a command's name (`\textasciitilde{}`) is its argument. Both
    // still count for the depth, as a command's argument is matched so.
    let mut escaped = false;
    let mut command = false;
    let mut argument = false;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'{' {
            depth += 1;
            if depth > MAX_BRACE_DEPTH && !reported {
                reported = true;
                problems.add(
                    offset + i..offset + i + 1,
                    format!("braces nested deeper than {MAX_BRACE_DEPTH}"),
                );
            }
        } else if b == b'}' {
            depth = depth.saturating_sub(1);
        }
        if escaped {
            escaped = false;
            command = b.is_ascii_alphabetic();
            continue;
        }
        if command && b.is_ascii_alphabetic() {
            continue;
        }
        let empty_argument = command && b == b'{' && bytes.get(i + 1) == Some(&b'}');
        command = false;
        match b {
            b'\\' => escaped = true,
            b'{' if empty_argument => argument = true,
            b'}' if std::mem::take(&mut argument) => {}
            b'{' | b'}' | b'$' => groups += 1,
            _ => {}
        }
    }
    Measure {
        bytes: text.len() as u64,
        groups,
        chain: 0,
    }
}

/// The effective (last) definition of a string name.
struct Def {
    name_at: Range<usize>,
    value_at: usize,
    /// Name ids it refers to, a range of [`Checked::refs`].
    refs: Range<usize>,
    own: Measure,
}

/// An entry as found: where it is, and what it draws on. Offsets are kept
/// as `u32` (files are smaller than 4 GiB) since a file of empty entries
/// holds one of these every eight bytes.
struct EntryRec {
    /// Where its `@` is.
    start: u32,
    key: (u32, u32),
    /// Where its fields start.
    body: u32,
    /// Where its fields end, for the crate's messages.
    end: u32,
    /// The entry its `crossref` names, or [`NONE`].
    crossref: u32,
    links: Box<[u32]>,
}

const NONE: u32 = u32::MAX;

/// The strings an entry draws on, in the order found.
#[derive(Default)]
struct Wanted {
    order: Vec<u32>,
    seen: std::collections::HashSet<u32>,
}

/// A file that passed: its entries, to be read one at a time.
pub struct Checked<'s> {
    text: &'s str,
    names: HashMap<&'s str, u32>,
    name_list: Vec<&'s str>,
    defs: Vec<Option<Def>>,
    refs: Vec<u32>,
    entries: Vec<EntryRec>,
    strings_full: bool,
    /// More entries than the caller wanted: the rest were not read.
    pub truncated: bool,
}

fn month(name: &str) -> bool {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    MONTHS.contains(&name.to_lowercase().as_str())
}

/// At most `n` names of a path, joined by arrows.
fn path_text(names: impl Iterator<Item = String>) -> String {
    let names: Vec<String> = names.collect();
    if names.len() <= 10 {
        names.join(" → ")
    } else {
        format!("{} → … → {}", names[..8].join(" → "), names[names.len() - 1])
    }
}

/// Depth first over `n` nodes, without recursion: `cycle` gets the path of
/// each loop found (first node repeated at the end; empty past the first
/// [`MAX_PROBLEMS`]), `done` each node once all it reaches is done.
fn walk(
    n: usize,
    succ: &dyn Fn(usize) -> Vec<usize>,
    cycle: &mut dyn FnMut(&[usize]),
    done: &mut dyn FnMut(usize),
) {
    let mut state = vec![0u8; n];
    let mut place = vec![0usize; n];
    let mut cycles = 0usize;
    let mut stack: Vec<(usize, Vec<usize>, usize)> = Vec::new();
    for root in 0..n {
        if state[root] != 0 {
            continue;
        }
        state[root] = 1;
        stack.push((root, succ(root), 0));
        while let Some((node, out, next)) = stack.last_mut() {
            let node = *node;
            if let Some(&t) = out.get(*next) {
                *next += 1;
                match state[t] {
                    0 => {
                        state[t] = 1;
                        place[t] = stack.len();
                        stack.push((t, succ(t), 0));
                    }
                    1 => {
                        // Past a screenful of loops only their number is
                        // told, so a path is not built for each.
                        cycles += 1;
                        let path: Vec<usize> = if cycles <= MAX_PROBLEMS {
                            stack[place[t]..].iter().map(|(x, _, _)| *x).chain([t]).collect()
                        } else {
                            Vec::new()
                        };
                        cycle(&path);
                    }
                    _ => {}
                }
            } else {
                state[node] = 2;
                stack.pop();
                done(node);
            }
        }
    }
}

/// Reads `text` as far as needed to know it is safe to hand to the crate,
/// keeping at most `max_entries` entries.
pub fn check(text: &str, max_entries: usize) -> Result<Checked<'_>, Problems> {
    let mut p = Problems::default();
    if u32::try_from(text.len()).is_err() {
        p.add(0..0, "a `.bib` file of 4 GiB or more is not read".into());
        return Err(p);
    }
    let mut c = Checked {
        text,
        names: HashMap::new(),
        name_list: Vec::new(),
        defs: Vec::new(),
        refs: Vec::new(),
        entries: Vec::new(),
        strings_full: false,
        truncated: false,
    };
    if let Err(e) = c.scan(max_entries, &mut p) {
        p.add(e.at..e.at + 1, format!("not BibTeX: {}", e.what));
        return Err(p);
    }
    let strings = c.measure_strings(&mut p);
    c.link_entries(&strings, &mut p);
    if p.is_empty() {
        Ok(c)
    } else {
        Err(p)
    }
}

impl<'s> Checked<'s> {
    fn key(&self, i: usize) -> Spanned<&'s str> {
        let (a, b) = self.entries[i].key;
        let span = a as usize..b as usize;
        Spanned::new(&self.text[span.clone()], span)
    }

    fn kind(&self, i: usize) -> Spanned<&'s str> {
        let mut s = Scanner::at(self.text, self.entries[i].start as usize + 1);
        s.ident().unwrap_or_else(|_| Spanned::new("", 0..0))
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The number of a string name, or none once [`MAX_STRINGS`] are known.
    fn name_id(&mut self, name: &'s str) -> Option<u32> {
        if let Some(&id) = self.names.get(name) {
            return Some(id);
        }
        if self.name_list.len() == MAX_STRINGS {
            return None;
        }
        let id = self.name_list.len() as u32;
        self.names.insert(name, id);
        self.name_list.push(name);
        self.defs.push(None);
        Some(id)
    }

    /// Pass one: the whole file in the crate's grammar, strings recorded
    /// with what they name, entries with where they are.
    fn scan(&mut self, max_entries: usize, p: &mut Problems) -> Result<(), Syntax> {
        let text = self.text;
        let mut s = Scanner::at(text, 0);
        let mut keys: HashMap<&'s str, usize> = HashMap::new();
        while s.pos < text.len() {
            s.eat_whitespace();
            match s.peek() {
                Some('@') => {}
                Some('%') => {
                    s.comment();
                    continue;
                }
                Some(_) => {
                    s.eat();
                    continue;
                }
                None => break,
            }
            s.eat();
            let kind = s.ident()?;
            s.eat_whitespace();
            s.delimiter('{', "expected opening brace")?;
            s.eat_whitespace();
            match kind.v.to_ascii_lowercase().as_str() {
                "string" => s.fields(&mut |pair| self.define(pair, p))?,
                "preamble" => {
                    s.quoted()?;
                }
                "comment" => s.eat_until('}'),
                _ => {
                    if self.entries.len() == max_entries {
                        self.truncated = true;
                        return Ok(());
                    }
                    let key = s.head()?;
                    let body = s.pos;
                    let mut count = 0usize;
                    s.fields(&mut |pair| {
                        count += 1;
                        if count == MAX_FIELDS + 1 {
                            p.add(
                                pair.key.span.clone(),
                                format!("entry `{}` has more than {MAX_FIELDS} fields", key.v),
                            );
                        }
                    })?;
                    let end = s.pos;
                    if let Some(&first) = keys.get(key.v) {
                        let line = text[..first].matches('\n').count() + 1;
                        p.add(
                            key.span.clone(),
                            format!("duplicate key `{}` (first at line {line})", key.v),
                        );
                    } else {
                        keys.insert(key.v, key.span.start);
                    }
                    let at = |n: usize| n as u32;
                    self.entries.push(EntryRec {
                        start: at(kind.span.start - 1),
                        key: (at(key.span.start), at(key.span.end)),
                        body: at(body),
                        end: at(end),
                        crossref: NONE,
                        links: Box::new([]),
                    });
                }
            }
            s.eat_whitespace();
            s.delimiter('}', "expected closing brace")?;
        }
        Ok(())
    }

    /// Records a string's definition; a later one of the same name wins,
    /// as in the crate.
    fn define(&mut self, pair: Pair<'s>, p: &mut Problems) {
        if self.strings_full {
            return;
        }
        let from = self.refs.len();
        let mut own = Measure::default();
        let mut full = false;
        for part in &pair.value.v {
            match part.v {
                RawChunk::Normal(t) => {
                    let m = measure_literal(t, part.span.start, p);
                    own.bytes = own.bytes.saturating_add(m.bytes.max(1));
                    own.groups = own.groups.saturating_add(m.groups);
                }
                RawChunk::Abbreviation(name) => match self.name_id(name) {
                    Some(r) => self.refs.push(r),
                    None => full = true,
                },
            }
        }
        let id = self.name_id(pair.key.v);
        let (Some(id), false) = (id, full) else {
            self.strings_full = true;
            p.add(pair.key.span, format!("more than {MAX_STRINGS} @string names"));
            return;
        };
        self.defs[id as usize] = Some(Def {
            name_at: pair.key.span,
            value_at: pair.value.span.start,
            refs: from..self.refs.len(),
            own,
        });
    }

    fn targets(&self, id: usize) -> Vec<usize> {
        self.defs[id]
            .as_ref()
            .map(|d| self.refs[d.refs.clone()].iter().map(|&r| r as usize).collect())
            .unwrap_or_default()
    }

    /// What each string expands to, loops and depth reported.
    fn measure_strings(&self, p: &mut Problems) -> Vec<Measure> {
        // Both callbacks of the walk report.
        let p = std::cell::RefCell::new(p);
        let n = self.name_list.len();
        let mut m = vec![Measure::default(); n];
        let name_at = |id: usize| self.defs[id].as_ref().map_or(0..0, |d| d.name_at.clone());
        walk(
            n,
            &|id| self.targets(id),
            &mut |path| {
                let Some(&first) = path.first() else {
                    return p.borrow_mut().add(0..0, String::new());
                };
                let message = if path.len() == 2 {
                    format!("string `{}` refers to itself", self.name_list[first])
                } else {
                    format!(
                        "string cycle: {}",
                        path_text(path.iter().map(|&i| self.name_list[i].to_string()))
                    )
                };
                p.borrow_mut().add(name_at(first), message);
            },
            &mut |id| {
                let Some(def) = &self.defs[id] else {
                    if month(self.name_list[id]) {
                        m[id].bytes = 9;
                    }
                    return;
                };
                let mut total = def.own;
                let mut over = false;
                for &r in &self.refs[def.refs.clone()] {
                    let r = m[r as usize];
                    // A name counts at least a byte, so that what a
                    // value draws on is never more than what it measures.
                    total.bytes = total.bytes.saturating_add(r.bytes.max(1));
                    total.groups = total.groups.saturating_add(r.groups);
                    total.chain = total.chain.max(r.chain);
                    over |= r.bytes > MAX_FIELD_BYTES;
                }
                total.chain += 1;
                if total.bytes > MAX_FIELD_BYTES && !over {
                    p.borrow_mut().add(
                        def.name_at.clone(),
                        format!(
                            "string `{}` expands to {} bytes (at most {MAX_FIELD_BYTES})",
                            self.name_list[id], total.bytes
                        ),
                    );
                }
                if total.chain == MAX_CHAIN + 1 {
                    p.borrow_mut().add(
                        def.name_at.clone(),
                        format!(
                            "string `{}` is nested deeper than {MAX_CHAIN} strings",
                            self.name_list[id]
                        ),
                    );
                }
                m[id] = total;
            },
        );
        m
    }

    /// The text a value spells, strings expanded, if it is short and its
    /// strings are sound: enough to read a `crossref` or `xdata` key.
    fn spell(&self, parts: &Parts<'s>, strings: &[Measure], depth: u32, out: &mut String) -> bool {
        for part in parts {
            match part.v {
                RawChunk::Normal(t) => out.push_str(t),
                RawChunk::Abbreviation(name) => {
                    let Some(&id) = self.names.get(name) else {
                        return false;
                    };
                    let Some(def) = &self.defs[id as usize] else {
                        return false;
                    };
                    if depth > MAX_CHAIN || strings[id as usize].bytes > 4096 {
                        return false;
                    }
                    let mut s = Scanner::at(self.text, def.value_at);
                    let Ok(value) = s.value() else { return false };
                    if !self.spell(&value.v, strings, depth + 1, out) {
                        return false;
                    }
                }
            }
            if out.len() > 4096 {
                return false;
            }
        }
        true
    }

    /// Pass two: each entry's fields measured with the strings known, its
    /// `crossref` and `xdata` read; then loops, depth and fan-out of those
    /// links, and the expansion of the whole file.
    fn link_entries(&mut self, strings: &[Measure], p: &mut Problems) {
        let keys: HashMap<&str, u32> = (0..self.entries.len())
            .map(|i| (self.key(i).v, i as u32))
            .collect();
        let mut own = vec![0u64; self.entries.len()];
        for (i, own) in own.iter_mut().enumerate() {
            let mut s = Scanner::at(self.text, self.entries[i].body as usize);
            let key = self.key(i).v;
            let mut crossref = None;
            let mut xdata = Vec::new();
            let mut size = 1u64;
            let _ = s.fields(&mut |pair| {
                let mut m = Measure::default();
                let mut over = false;
                for part in &pair.value.v {
                    let pm = match part.v {
                        RawChunk::Normal(t) => measure_literal(t, part.span.start, p),
                        RawChunk::Abbreviation(name) => {
                            let mut m = self
                                .names
                                .get(name)
                                .map_or(Measure::default(), |&id| strings[id as usize]);
                            m.bytes = m.bytes.max(1);
                            m
                        }
                    };
                    over |= matches!(part.v, RawChunk::Abbreviation(_)) && pm.bytes > MAX_FIELD_BYTES;
                    m.bytes = m.bytes.saturating_add(pm.bytes);
                    m.groups = m.groups.saturating_add(pm.groups);
                }
                let name = pair.key.v.to_ascii_lowercase();
                if m.bytes > MAX_FIELD_BYTES && !over {
                    p.add(
                        pair.key.span.clone(),
                        format!(
                            "field `{name}` expands to {} bytes (at most {MAX_FIELD_BYTES})",
                            m.bytes
                        ),
                    );
                }
                if m.groups > MAX_GROUPS {
                    p.add(
                        pair.key.span.clone(),
                        format!(
                            "field `{name}` has {} braces and `$` (at most {MAX_GROUPS})",
                            m.groups
                        ),
                    );
                }
                size = size.saturating_add(m.bytes);
                if name == "crossref" || name == "xdata" {
                    let mut spelled = String::new();
                    let plain = self.spell(&pair.value.v, strings, 0, &mut spelled)
                        && !spelled.contains(['\\', '{', '}', '$'])
                        && !spelled.contains("--");
                    if !plain {
                        p.add(
                            pair.value.span.clone(),
                            format!("`{name}` of `{key}` is not a plain entry key"),
                        );
                        return;
                    }
                    let targets = spelled.split(',').filter_map(|k| keys.get(k.trim()).copied());
                    if name == "crossref" {
                        crossref = keys.get(spelled.as_str()).copied();
                    } else {
                        xdata = targets.collect();
                    }
                }
            });
            *own = size;
            let e = &mut self.entries[i];
            e.crossref = crossref.unwrap_or(NONE);
            e.links = crossref.into_iter().chain(xdata).collect();
        }
        self.measure_links(&own, p);
    }

    fn measure_links(&self, own: &[u64], p: &mut Problems) {
        // Both callbacks of the walk report.
        let p = std::cell::RefCell::new(p);
        let n = self.entries.len();
        let key = |i: usize| self.key(i).v.to_string();
        let mut cost = vec![0u64; n];
        let mut paths = vec![0u64; n];
        walk(
            n,
            &|i| self.entries[i].links.iter().map(|&t| t as usize).collect(),
            &mut |path| {
                if path.is_empty() {
                    return p.borrow_mut().add(0..0, String::new());
                }
                let by_crossref = path
                    .windows(2)
                    .all(|w| self.entries[w[0]].crossref == w[1] as u32);
                let by = if by_crossref { "crossref" } else { "crossref/xdata" };
                let message = if path.len() == 2 {
                    let field = if by_crossref { "crossref" } else { "xdata" };
                    format!("entry `{}` names itself in `{field}`", key(path[0]))
                } else {
                    format!("{by} cycle: {}", path_text(path.iter().map(|&i| key(i))))
                };
                p.borrow_mut().add(self.key(path[0]).span, message);
            },
            &mut |i| {
                let mut c = own[i];
                let mut ways = 1u64;
                let mut over = false;
                for &t in &self.entries[i].links {
                    let t = t as usize;
                    c = c.saturating_add(cost[t]);
                    ways = ways.saturating_add(paths[t]);
                    over |= paths[t] > MAX_LINKS + 1;
                }
                if !over && ways > MAX_LINKS + 1 {
                    p.borrow_mut().add(
                        self.key(i).span,
                        format!(
                            "entry `{}` draws on other entries by {} crossref/xdata paths (at most {MAX_LINKS})",
                            key(i),
                            ways - 1
                        ),
                    );
                }
                cost[i] = c;
                paths[i] = ways;
            },
        );
        let budget = (self.text.len() as u64)
            .saturating_mul(EXPANSION_FACTOR)
            .saturating_add(EXPANSION_SLACK);
        let mut total = 0u64;
        for (i, c) in cost.iter().enumerate() {
            total = total.saturating_add(*c);
            if total > budget {
                p.borrow_mut().add(
                    self.key(i).span,
                    format!(
                        "strings, crossref and xdata expand the file to more than {budget} bytes ({EXPANSION_FACTOR} times its size and 1 MiB), reached at entry `{}`",
                        key(i)
                    ),
                );
                break;
            }
        }
    }

    /// Entry `i` as the crate reads it, with the strings and entries it
    /// draws on and nothing else; `ids` aliases are left out so that no
    /// key reaches an entry the links above did not count. Also says
    /// whether `ids` was there.
    pub fn entry(&self, i: usize) -> Result<(biblatex::Entry, bool), Problem> {
        let mut members = vec![i];
        let mut k = 0;
        while let Some(&m) = members.get(k) {
            for &t in &self.entries[m].links {
                if !members.contains(&(t as usize)) {
                    members.push(t as usize);
                }
            }
            k += 1;
        }
        let mut had_ids = false;
        let mut wanted = Wanted::default();
        let mut raw = RawBibliography {
            preamble: String::new(),
            entries: Vec::new(),
            abbreviations: Vec::new(),
        };
        for &m in &members {
            let e = &self.entries[m];
            let mut fields = Vec::new();
            let mut s = Scanner::at(self.text, e.body as usize);
            let read = s.fields(&mut |pair| {
                if pair.key.v.eq_ignore_ascii_case("ids") {
                    had_ids |= m == i;
                    return;
                }
                self.wants(&pair.value.v, &mut wanted);
                fields.push(pair);
            });
            if let Err(x) = read {
                return Err(Problem {
                    at: x.at..x.at + 1,
                    message: format!("not BibTeX: {}", x.what),
                });
            }
            raw.entries.push(Spanned::new(
                RawEntry {
                    key: self.key(m),
                    kind: self.kind(m),
                    fields,
                },
                e.start as usize..e.end as usize,
            ));
        }
        let mut k = 0;
        while let Some(&id) = wanted.order.get(k) {
            k += 1;
            let Some(def) = &self.defs[id as usize] else {
                continue;
            };
            let mut s = Scanner::at(self.text, def.value_at);
            if let Ok(value) = s.value() {
                self.wants(&value.v, &mut wanted);
                let name = self.name_list[id as usize];
                raw.abbreviations
                    .push(Pair::new(Spanned::new(name, def.name_at.clone()), value));
            }
        }
        let bib = Bibliography::from_raw(raw).map_err(|e| Problem {
            at: e.span,
            message: format!("not BibTeX: {}", e.kind),
        })?;
        let entry = bib.into_iter().next().expect("the entry asked for is the first");
        Ok((entry, had_ids))
    }

    /// Adds the string names `parts` use to `wanted`, once each.
    fn wants(&self, parts: &Parts<'s>, wanted: &mut Wanted) {
        for part in parts {
            if let RawChunk::Abbreviation(name) = part.v {
                if let Some(&id) = self.names.get(name) {
                    if wanted.seen.insert(id) {
                        wanted.order.push(id);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn groups(text: &str) -> u64 {
        measure_literal(text, 0, &mut Problems::default()).groups
    }

    #[test]
    fn what_an_export_escapes_is_not_a_piece() {
        assert_eq!(groups(&"\\textasciitilde{}".repeat(2000)), 0);
        assert_eq!(groups(&"\\{\\}\\$".repeat(2000)), 0);
        assert_eq!(groups("{}{a}$x$"), 6);
        assert_eq!(groups("\\emph{a}"), 2);
    }

    #[test]
    fn escaped_braces_still_count_for_the_depth() {
        let mut p = Problems::default();
        measure_literal(&"\\{".repeat(65), 0, &mut p);
        assert_eq!(p.kept[0].message, "braces nested deeper than 64");
        assert_eq!(p.kept[0].at, 129..130);
    }
}
