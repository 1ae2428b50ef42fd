//! HTML as TimelineJS carries it, to plain text and back.

/// Plain text from a fragment of HTML: tags dropped, paragraphs and line
/// breaks kept as new lines, links kept as `text (address)`, entities decoded.
pub fn to_text(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    let mut link: Option<String> = None;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('>') else {
            out.push_str(&rest[open..]);
            rest = "";
            break;
        };
        let tag = &rest[open + 1..open + close];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        let name = name.to_ascii_lowercase();
        let closing = tag.starts_with('/');
        match (name.as_str(), closing) {
            ("a", false) => link = attribute(tag, "href"),
            ("a", true) => {
                if let Some(href) = link.take() {
                    out.push_str(&format!(" ({href})"));
                }
            }
            ("br", _) => out.push('\n'),
            ("p" | "div" | "li" | "blockquote" | "h1" | "h2" | "h3" | "h4", true) => out.push('\n'),
            ("li", false) => out.push_str("• "),
            _ => {}
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    let decoded = html_escape::decode_html_entities(&out).replace('\u{a0}', " ");
    // Collapse the blank runs HTML layout leaves behind.
    let lines: Vec<String> = decoded
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect();
    lines.join("\n")
}

fn attribute(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let at = lower.find(&format!("{name}="))? + name.len() + 1;
    let value = &tag[at..];
    let value = match value.chars().next()? {
        q @ ('"' | '\'') => value[1..].split(q).next()?,
        _ => value.split_whitespace().next()?,
    };
    Some(html_escape::decode_html_entities(value).into_owned())
}

/// Text made safe inside HTML.
pub fn escape(text: &str) -> String {
    html_escape::encode_text(text).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_becomes_clean_text() {
        assert_eq!(
            to_text("<p>Hello&nbsp;<b>world</b> &amp; co</p><p>Second</p>"),
            "Hello world & co\nSecond"
        );
        assert_eq!(
            to_text("See <a href=\"https://example.org/a?b=1&amp;c=2\">the report</a>."),
            "See the report (https://example.org/a?b=1&c=2)."
        );
        assert_eq!(to_text("one<br/>two<br>three"), "one\ntwo\nthree");
        assert_eq!(
            to_text("&lt;script&gt; &#8220;q&#8221; &eacute;"),
            "<script> “q” é"
        );
        assert_eq!(to_text("broken <tag"), "broken <tag");
    }
}
