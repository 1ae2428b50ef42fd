//! Small files are parsed whole rather than a piece at a time. Splitting
//! saves memory on a file of hundreds of megabytes; on the few hundred
//! kilobytes of a real dataset it only costs time (finding the pieces took
//! a tenth of loading the embedded data), and a whole file's syntax tree is
//! small. Loading several files, a second thread parses them from the back
//! of the list while the reading thread parses and reads them from the
//! front, so both cores work on a start.

use super::syntax;
use std::sync::{mpsc, Mutex, MutexGuard};
use toml::de::DeTable;
use toml::Spanned;

/// Files smaller than this are parsed whole; larger ones a piece at a time.
pub(super) const WHOLE_BELOW: usize = super::split::PARSE_AHEAD_FROM;

/// Below this many bytes of small files in all, a second thread costs more
/// to start than it saves (parsing runs at about 100 kilobytes a
/// millisecond; starting a thread takes a tenth of one).
const HELPER_FROM: usize = 64 * 1024;

/// A whole file's syntax tree, or `None` when the text is not valid TOML
/// (or too dense to parse): the reader then reports its syntax errors.
pub(super) type Tree<'t> = Option<Spanned<DeTable<'t>>>;

/// The text of a file without the byte-order mark some editors write, and
/// the mark's length.
pub(super) fn without_bom(text: &str) -> (usize, &str) {
    let bom = if text.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    (bom, &text[bom..])
}

/// Parses a whole text, refusing one denser in tokens than any data file
/// before the parser allocates for it.
pub(super) fn parse(text: &str) -> Tree<'_> {
    if syntax::dense_at(text).is_some() {
        return None;
    }
    DeTable::parse(text).ok()
}

/// The small files not yet taken: the reader takes them from the front,
/// the helper from the back, until they meet.
struct Claims {
    front: usize,
    back: usize,
}

fn lock(claims: &Mutex<Claims>) -> MutexGuard<'_, Claims> {
    // Claims are two numbers, whole after any panic.
    claims.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The trees of the small files among some texts, handed out in order.
pub(super) struct Trees<'t, 'c> {
    /// Each small file: its index among all the texts, and its text.
    small: Vec<(usize, &'t str)>,
    /// Each text's position in `small`, if it is small: looked up once per
    /// text, as loading thousands of files must not search the list each time.
    position: Vec<Option<usize>>,
    claims: &'c Mutex<Claims>,
    /// Trees the helper parsed, by position in `small`, as they arrive.
    arrived: Option<mpsc::Receiver<(usize, Tree<'t>)>>,
    kept: Vec<Option<Tree<'t>>>,
}

impl<'t> Trees<'t, '_> {
    /// The tree of text `index`, when it is small: parsed here if the
    /// helper has not taken it, else the helper's, waited for. `None` for a
    /// large text, which is read a piece at a time. Texts are asked for in
    /// their order.
    pub(super) fn take(&mut self, index: usize) -> Option<Tree<'t>> {
        let k = self.position.get(index).copied().flatten()?;
        let text = self.small[k].1;
        let mine = {
            let mut claims = lock(self.claims);
            let free = k < claims.back;
            if free {
                claims.front = claims.front.max(k + 1);
            }
            free
        };
        if mine {
            return Some(parse(text));
        }
        while self.kept[k].is_none() {
            match self.arrived.as_ref().map(|a| a.recv()) {
                Some(Ok((j, tree))) => self.kept[j] = Some(tree),
                // The helper stopped without it: parse it here.
                _ => break,
            }
        }
        Some(self.kept[k].take().unwrap_or_else(|| parse(text)))
    }
}

/// Runs `read` with the trees of the small files among `texts` (each
/// without its byte-order mark), a second thread parsing some of them when
/// there is enough to share.
pub(super) fn parsing<R>(texts: &[&str], read: impl FnOnce(&mut Trees<'_, '_>) -> R) -> R {
    let small: Vec<(usize, &str)> = texts
        .iter()
        .enumerate()
        .filter(|(_, t)| t.len() < WHOLE_BELOW)
        .map(|(i, t)| (i, *t))
        .collect();
    let shared: usize = small.iter().map(|(_, t)| t.len()).sum();
    let helped = small.len() >= 2 && shared >= HELPER_FROM;
    parsing_with(small, helped, read)
}

/// [`parsing`], choosing whether a helper thread parses from the back.
fn parsing_with<'t, R>(
    small: Vec<(usize, &'t str)>,
    helped: bool,
    read: impl FnOnce(&mut Trees<'t, '_>) -> R,
) -> R {
    let claims = Mutex::new(Claims {
        front: 0,
        back: small.len(),
    });
    let kept = small.iter().map(|_| None).collect();
    std::thread::scope(|scope| {
        let mut arrived = None;
        if helped {
            let (send, receive) = mpsc::channel();
            let texts: Vec<&str> = small.iter().map(|&(_, t)| t).collect();
            let claims = &claims;
            let helper = std::thread::Builder::new().name("parse-whole".into());
            let started = helper.spawn_scoped(scope, move || loop {
                let k = {
                    let mut claims = lock(claims);
                    if claims.back <= claims.front {
                        break;
                    }
                    claims.back -= 1;
                    claims.back
                };
                // A reader that stopped has dropped its end: stop too.
                if send.send((k, parse(texts[k]))).is_err() {
                    break;
                }
            });
            // Without a helper the reader parses every file itself.
            arrived = started.is_ok().then_some(receive);
        }
        let mut position = vec![None; small.iter().map(|&(i, _)| i + 1).max().unwrap_or(0)];
        for (k, &(i, _)) in small.iter().enumerate() {
            position[i] = Some(k);
        }
        let mut trees = Trees {
            small,
            position,
            claims: &claims,
            arrived,
            kept,
        };
        read(&mut trees)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts() -> Vec<String> {
        (0..7)
            .map(|f| {
                (0..f * 3)
                    .map(|e| format!("[[events]]\nid = \"f{f}e{e}\"\n"))
                    .collect()
            })
            .collect()
    }

    fn ids(tree: &Tree<'_>) -> Vec<String> {
        let Some(doc) = tree else {
            return vec!["(not TOML)".into()];
        };
        let Some(events) = doc.get_ref().get("events") else {
            return vec![];
        };
        events
            .get_ref()
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|e| {
                e.get_ref()
                    .as_table()?
                    .get("id")?
                    .get_ref()
                    .as_str()
                    .map(str::to_string)
            })
            .collect()
    }

    #[test]
    fn every_small_text_is_handed_out_parsed_in_order_with_or_without_a_helper() {
        let mut owned = texts();
        owned[4] = "[[events]]\nid = = 1\n".into();
        // A large text in the middle is left to be read in pieces.
        owned[2] = format!("{}# padding\n", "#".repeat(WHOLE_BELOW));
        let texts: Vec<&str> = owned.iter().map(String::as_str).collect();
        for helped in [false, true] {
            let small = texts
                .iter()
                .enumerate()
                .filter(|(_, t)| t.len() < WHOLE_BELOW)
                .map(|(i, t)| (i, *t))
                .collect();
            let got: Vec<Option<Vec<String>>> = parsing_with(small, helped, |trees| {
                (0..texts.len()).map(|i| trees.take(i).map(|t| ids(&t))).collect()
            });
            assert_eq!(got[0], Some(vec![]), "helped: {helped}");
            assert_eq!(got[1], Some(vec!["f1e0".into(), "f1e1".into(), "f1e2".into()]));
            assert_eq!(got[2], None, "a large text is not parsed whole");
            assert_eq!(got[4], Some(vec!["(not TOML)".to_string()]));
            assert_eq!(got[6].as_ref().map(Vec::len), Some(18));
            assert_eq!(got[6].as_ref().unwrap()[17], "f6e17");
        }
    }

    #[test]
    fn a_helper_is_started_only_for_two_small_files_of_enough_text() {
        let big = format!("a = 1\n{}", "#".repeat(HELPER_FROM));
        let helped = |texts: &[&str]| {
            parsing(texts, |trees| {
                let helper = trees.arrived.is_some();
                for i in 0..texts.len() {
                    trees.take(i);
                }
                helper
            })
        };
        assert!(helped(&[&big, "b = 2\n"]));
        assert!(!helped(&[&big]), "one file: nothing to share");
        assert!(!helped(&["a = 1\n", "b = 2\n"]), "too little to share");
    }

    #[test]
    fn a_byte_order_mark_is_not_part_of_the_text() {
        assert_eq!(without_bom("\u{feff}a = 1"), (3, "a = 1"));
        assert_eq!(without_bom("a = 1"), (0, "a = 1"));
    }
}
