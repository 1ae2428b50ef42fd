//! The glossary screen: the terms the selected event uses first, then every
//! term, each with its definition, the verbatim quotes it rests on and the
//! terms to see next.

use super::help::frame_rect;
use super::widgets::fit;
use crate::app::theme::Theme;
use crate::timeline::model::{Term, Timeline};
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::Frame;

/// The glossary's lines at an inner width, with the line each term's
/// heading is on (by id), so a key can open it at a term.
pub fn lines(
    t: &Timeline,
    first: &[&Term],
    th: &Theme,
    width: usize,
) -> (Vec<Line<'static>>, Vec<(String, usize)>) {
    let mut out = Vec::new();
    let mut at = Vec::new();
    if t.terms().is_empty() {
        out.push(Line::styled("The data defines no terms.", th.dim));
        return (out, at);
    }
    let mut entry = |out: &mut Vec<Line<'static>>, term: &Term| {
        at.push((term.id.clone(), out.len()));
        let name = match &term.short {
            Some(short) if *short != term.name => format!("{} ({short})", term.name),
            _ => term.name.clone(),
        };
        out.push(Line::styled(fit(&name, width), th.title));
        wrapped(out, &term.definition, th.base, width, "  ", "  ");
        for (n, c) in term.sources.iter().enumerate() {
            let label = format!("  [{}] ", n + 1);
            let pad = " ".repeat(label.chars().count());
            wrapped(out, &c.quoted(), th.quote, width, &label, &pad);
            if let Some(s) = t.source(&c.source) {
                let mut credit = format!("— {}, {}", s.publisher, s.shown_title());
                if let Some(u) = &s.url {
                    credit.push_str(&format!(", {u}"));
                }
                wrapped(out, &credit, th.dim, width, &pad, &pad);
            }
        }
        let see: Vec<&str> = term
            .see
            .iter()
            .map(|id| t.term(id).map_or(id.as_str(), |s| s.name.as_str()))
            .collect();
        if !see.is_empty() {
            wrapped(
                out,
                &format!("See also: {}", see.join("; ")),
                th.dim,
                width,
                "  ",
                "  ",
            );
        }
        out.push(Line::default());
    };
    if !first.is_empty() {
        out.push(Line::styled("In the selected event", th.year_heading));
        out.push(Line::default());
        for term in first {
            entry(&mut out, term);
        }
        out.push(Line::styled("Every other term", th.year_heading));
        out.push(Line::default());
    }
    for term in t.terms().iter().filter(|x| !first.iter().any(|f| f.id == x.id)) {
        entry(&mut out, term);
    }
    (out, at)
}

fn wrapped(
    out: &mut Vec<Line<'static>>,
    text: &str,
    style: ratatui::style::Style,
    width: usize,
    first: &str,
    rest: &str,
) {
    let opts = textwrap::Options::new(width.max(12))
        .initial_indent(first)
        .subsequent_indent(rest)
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    for piece in crate::text::wrap::wrap(text, &opts) {
        out.push(Line::styled(piece.into_owned(), style));
    }
}

fn inner_size(size: (u16, u16)) -> (usize, usize) {
    let rect = frame_rect(Rect::new(0, 0, size.0, size.1));
    (
        rect.width.saturating_sub(2) as usize,
        rect.height.saturating_sub(2) as usize,
    )
}

/// How far the glossary can scroll on a screen of this size.
pub fn max_scroll(t: &Timeline, first: &[&Term], th: &Theme, size: (u16, u16)) -> u16 {
    let (w, h) = inner_size(size);
    let n = lines(t, first, th, w).0.len();
    n.saturating_sub(h).min(u16::MAX as usize) as u16
}

/// The scroll that puts a term's heading at the top.
pub fn scroll_to(t: &Timeline, first: &[&Term], th: &Theme, size: (u16, u16), id: &str) -> u16 {
    let (w, _) = inner_size(size);
    let (_, at) = lines(t, first, th, w);
    let line = at.iter().find(|(i, _)| i == id).map_or(0, |(_, l)| *l);
    (line.min(u16::MAX as usize) as u16).min(max_scroll(t, first, th, size))
}

pub fn draw(
    frame: &mut Frame,
    area: Rect,
    t: &Timeline,
    first: &[&Term],
    th: &Theme,
    scroll: u16,
    close: &str,
) {
    let title = format!("Glossary — {close} closes");
    super::help::reading_screen(frame, area, th, &title, scroll, |w| lines(t, first, th, w).0);
}
