//! TOML syntax errors, reported the same way for data files, lessons and
//! the config: at most a screenful, then a line saying how many more.

use super::diag::{Diagnostic, SourceText};

/// How deep the toml parser lets arrays, tables and dotted keys nest.
pub const MAX_NESTING: u32 = 80;

/// After a syntax error the parser recovers as best it can, and a line of
/// `=====` yields one complaint per character: the first few say all there is.
pub const MAX_SYNTAX_ERRORS: usize = 20;

/// Turns the parser's recoverable errors into diagnostics. `base` is where
/// in `src` the parsed text starts (past a byte-order mark, say).
pub fn syntax_errors(src: &SourceText<'_>, base: usize, errors: Vec<toml::de::Error>) -> Vec<Diagnostic> {
    let more = errors.len().saturating_sub(MAX_SYNTAX_ERRORS);
    let at = |span: Option<std::ops::Range<usize>>| {
        let span = span.unwrap_or(0..0);
        span.start + base..span.end + base
    };
    let mut out = Vec::new();
    let mut last = base..base;
    for e in errors.into_iter().take(MAX_SYNTAX_ERRORS) {
        last = at(e.span());
        let message = format!("invalid TOML: {}", e.message().trim());
        let d = if message.contains("recursion") || message.contains("recurse") {
            // The toml crate stops at a fixed depth, and a hostile file
            // should learn what it was.
            let help = format!("arrays, tables and dotted keys may nest at most {MAX_NESTING} levels deep");
            src.error(last.clone(), message).with_help(help)
        } else {
            src.error(last.clone(), message)
        };
        out.push(d);
    }
    if more > 0 {
        out.push(src.error(
            last,
            format!("{more} more TOML syntax errors after this one are not shown"),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use toml::de::DeTable;

    #[test]
    fn caps_the_errors_and_says_how_many_are_left_out() {
        let text = "x = ".to_string() + &"=".repeat(200);
        let (_, errors) = DeTable::parse_recoverable(&text);
        assert!(errors.len() > MAX_SYNTAX_ERRORS + 1);
        let total = errors.len();
        let shown = syntax_errors(&SourceText::new("f.toml", &text), 0, errors);
        assert_eq!(shown.len(), MAX_SYNTAX_ERRORS + 1);
        let more = total - MAX_SYNTAX_ERRORS;
        assert_eq!(
            shown.last().unwrap().message,
            format!("{more} more TOML syntax errors after this one are not shown")
        );
    }

    #[test]
    fn positions_count_from_the_base() {
        let text = "\u{feff}a = \n";
        let (_, errors) = DeTable::parse_recoverable(&text[3..]);
        let shown = syntax_errors(&SourceText::new("f.toml", text), 3, errors);
        assert_eq!(shown[0].line, 1);
        assert!(shown[0].column > 1, "{:?}", shown[0]);
    }
}
