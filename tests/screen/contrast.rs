//! Every foreground and background pair each theme draws with, measured by
//! the WCAG contrast ratio: at least 4.5:1 in the dark and light themes,
//! 7:1 in the high-contrast theme and on the projector.

use ratatui::style::{Color, Modifier, Style};
use tipline::app::theme::{Theme, ThemeName};

/// The sRGB value of a 256-colour palette entry from 16 up: the 6×6×6 cube
/// (levels 0, 95, 135, 175, 215, 255), then 24 greys from 8 in steps of 10.
fn rgb(index: u8) -> (u8, u8, u8) {
    assert!(index >= 16, "colour {index} is one a terminal scheme redefines");
    if index >= 232 {
        let v = 8 + 10 * (index - 232);
        return (v, v, v);
    }
    let i = index - 16;
    let level = |n: u8| if n == 0 { 0 } else { 55 + 40 * n };
    (level(i / 36), level(i / 6 % 6), level(i % 6))
}

fn luminance((r, g, b): (u8, u8, u8)) -> f64 {
    let channel = |c: u8| {
        let c = c as f64 / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}

fn ratio(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

fn indexed(c: Option<Color>, what: &str) -> u8 {
    match c {
        Some(Color::Indexed(i)) => i,
        other => panic!("{what} is {other:?}, not a fixed palette colour"),
    }
}

/// The lowest contrast of any style in a theme, with the style's name.
fn lowest(theme: &Theme) -> (f64, &'static str) {
    let base = theme.base;
    theme
        .styles()
        .into_iter()
        .map(|(name, s): (&'static str, Style)| {
            let mut fg = indexed(s.fg.or(base.fg), name);
            let mut bg = indexed(s.bg.or(base.bg), name);
            if s.add_modifier.contains(Modifier::REVERSED) {
                std::mem::swap(&mut fg, &mut bg);
            }
            (ratio(rgb(fg), rgb(bg)), name)
        })
        .fold((f64::MAX, ""), |a, b| if b.0 < a.0 { b } else { a })
}

#[test]
fn the_palette_and_the_ratio_are_computed_right() {
    assert_eq!(rgb(16), (0, 0, 0));
    assert_eq!(rgb(231), (255, 255, 255));
    assert_eq!(rgb(81), (95, 215, 255));
    assert_eq!(rgb(232), (8, 8, 8));
    assert_eq!(rgb(255), (238, 238, 238));
    assert!((ratio((0, 0, 0), (255, 255, 255)) - 21.0).abs() < 1e-9);
    assert!((ratio((119, 119, 119), (255, 255, 255)) - 4.48).abs() < 0.01);
}

#[test]
fn dark_and_light_reach_four_and_a_half_to_one() {
    for name in [ThemeName::Dark, ThemeName::Light] {
        let (r, style) = lowest(&Theme::new(name, false));
        assert!(r >= 4.5, "{name:?}: {style} has contrast {r:.2}");
    }
}

#[test]
fn high_contrast_and_the_projector_reach_seven_to_one() {
    let (r, style) = lowest(&Theme::new(ThemeName::HighContrast, false));
    assert!(r >= 7.0, "high contrast: {style} has contrast {r:.2}");
    let (r, style) = lowest(&Theme::projector(false));
    assert!(r >= 7.0, "projector: {style} has contrast {r:.2}");
}

#[test]
fn no_color_leaves_the_terminal_its_own_colours() {
    for theme in [Theme::new(ThemeName::Dark, true), Theme::projector(true)] {
        for (name, s) in theme.styles() {
            assert_eq!((s.fg, s.bg), (None, None), "{name}");
        }
    }
}
