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

/// A value made safe inside a quoted HTML attribute (either quote).
pub fn attr(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// The address if it is an `http:` or `https:` one, with the characters
/// that could end an attribute, an autolink or a URL percent-encoded; `None`
/// for any other scheme (`javascript:`, `data:`, ...) or no scheme at all.
pub fn web_url(url: &str) -> Option<String> {
    let url = url.trim();
    let scheme = url.split_once(':')?.0.to_ascii_lowercase();
    if scheme != "http" && scheme != "https" {
        return None;
    }
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            '"' | '\'' | '<' | '>' | '`' | ' ' | '\\' | '{' | '}' | '|' | '^' => {
                out.push_str(&format!("%{:02X}", c as u32))
            }
            c if c.is_control() || c.is_whitespace() => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
            c => out.push(c),
        }
    }
    Some(out)
}

/// A link to a web address, or the address as escaped text when it is not
/// an `http:`/`https:` one.
pub fn link(url: &str, text: &str) -> String {
    match web_url(url) {
        Some(u) => format!("<a href=\"{}\">{}</a>", attr(&u), escape(text)),
        None => format!("{} ({})", escape(text), escape(url)),
    }
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

    #[test]
    fn attributes_and_links_cannot_break_out() {
        assert_eq!(attr(r#"a"b'c<d>e&f"#), "a&quot;b&#39;c&lt;d&gt;e&amp;f");
        assert_eq!(web_url("javascript:alert(1)"), None);
        assert_eq!(web_url(" JaVaScRiPt:alert(1)"), None);
        assert_eq!(web_url("data:text/html,x"), None);
        assert_eq!(web_url("example.org/x"), None);
        assert_eq!(
            web_url("https://e.org/a\" onmouseover=\"x'>"),
            Some("https://e.org/a%22%20onmouseover=%22x%27%3E".to_string())
        );
        assert_eq!(
            link("javascript:alert(1)", "T<b>"),
            "T&lt;b&gt; (javascript:alert(1))"
        );
        assert_eq!(
            link("https://e.org/?a=1&b=2", "T"),
            "<a href=\"https://e.org/?a=1&amp;b=2\">T</a>"
        );
    }
}
