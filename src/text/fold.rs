//! Folding makes search and actor matching case- and diacritic-insensitive.

use unicode_normalization::char::is_combining_mark;

/// Lower-cases and strips diacritics, so `Sár KHENG` matches `sar kheng`.
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    fold_into(&mut out, text);
    out
}

/// [`fold`], appending to `out`: building one long folded text costs no
/// string per piece.
pub fn fold_into(out: &mut String, text: &str) {
    if text.is_ascii() {
        let start = out.len();
        out.push_str(text);
        out[start..].make_ascii_lowercase();
        return;
    }
    // Character by character: dropping every combining mark makes their
    // canonical order irrelevant, so each character decomposes on its own,
    // and ASCII (most of any text) skips the tables entirely.
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        unicode_normalization::char::decompose_canonical(c, |d| {
            if !is_combining_mark(d) {
                out.extend(d.to_lowercase());
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_matches_full_normalisation() {
        use unicode_normalization::UnicodeNormalization;
        for s in [
            "Sár KHENG",
            "ប៉ុណ្ណោះ",
            "Đà Nẵng",
            "한국어",
            "e\u{301}\u{323}",
            "İstanbul ẞ",
            "Ωμέγα",
        ] {
            let full: String = s
                .nfd()
                .filter(|c| !is_combining_mark(*c))
                .flat_map(char::to_lowercase)
                .collect();
            assert_eq!(fold(s), full, "{s}");
        }
    }

    #[test]
    fn folding_ignores_case_and_accents() {
        assert_eq!(fold("Sár KHENG"), "sar kheng");
        assert_eq!(fold("Ångström"), "angstrom");
        assert_eq!(fold("Preah Sihanouk"), "preah sihanouk");
    }
}
