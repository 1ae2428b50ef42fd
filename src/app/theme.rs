//! Every style the app draws with. Meaning never rests on colour alone:
//! selection is a marker plus reverse video, focus a thick border and a
//! bold title, bars solid and light glyphs (never reverse video), so
//! `NO_COLOR` and monochrome projectors lose nothing.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeName {
    Dark,
    Light,
    HighContrast,
}

impl ThemeName {
    pub fn parse(s: &str) -> Option<ThemeName> {
        match s {
            "dark" => Some(ThemeName::Dark),
            "light" => Some(ThemeName::Light),
            "high-contrast" => Some(ThemeName::HighContrast),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub base: Style,
    pub border: Style,
    pub focus_border: Style,
    pub title: Style,
    pub year_heading: Style,
    pub selected: Style,
    pub dim: Style,
    pub highlight: Style,
    pub label: Style,
    pub quote: Style,
    pub claim: Style,
    pub bar: Style,
    pub bar_active: Style,
    pub status: Style,
    pub error: Style,
    pub active_value: Style,
}

/// A theme's colours: the background and four foregrounds. They come from
/// the 256-colour palette's cube and grey ramp (indices 16–255), whose
/// values terminals agree on, unlike the sixteen named colours that every
/// terminal scheme redefines; so the contrast computed for them holds.
#[derive(Debug, Clone, Copy)]
struct Palette {
    bg: u8,
    fg: u8,
    accent: u8,
    soft: u8,
    warn: u8,
}

impl ThemeName {
    fn palette(self) -> Palette {
        match self {
            // Light grey, sky blue, mid grey and gold on near-black.
            ThemeName::Dark => Palette {
                bg: 234,
                fg: 252,
                accent: 81,
                soft: 246,
                warn: 220,
            },
            // Black, dark blue, dark grey and dark red on white.
            ThemeName::Light => Palette {
                bg: 231,
                fg: 16,
                accent: 25,
                soft: 241,
                warn: 124,
            },
            // White, yellow and light red on black.
            ThemeName::HighContrast => Palette {
                bg: 16,
                fg: 231,
                accent: 226,
                soft: 231,
                warn: 210,
            },
        }
    }
}

/// The projector's palette: white on black and nothing else, so a washed-out
/// or monochrome projector loses no meaning (it never rests on a hue).
const PROJECTOR: Palette = Palette {
    bg: 16,
    fg: 231,
    accent: 231,
    soft: 231,
    warn: 231,
};

impl Theme {
    pub fn new(name: ThemeName, no_color: bool) -> Theme {
        Theme::from_palette(name.palette(), name == ThemeName::HighContrast, no_color)
    }

    /// The projector preset: white on black, contrast 21:1.
    pub fn projector(no_color: bool) -> Theme {
        Theme::from_palette(PROJECTOR, true, no_color)
    }

    /// Every style with its name, for checking them all.
    pub fn styles(&self) -> Vec<(&'static str, Style)> {
        vec![
            ("base", self.base),
            ("border", self.border),
            ("focus_border", self.focus_border),
            ("title", self.title),
            ("year_heading", self.year_heading),
            ("selected", self.selected),
            ("dim", self.dim),
            ("highlight", self.highlight),
            ("label", self.label),
            ("quote", self.quote),
            ("claim", self.claim),
            ("bar", self.bar),
            ("bar_active", self.bar_active),
            ("status", self.status),
            ("error", self.error),
            ("active_value", self.active_value),
        ]
    }

    fn from_palette(p: Palette, plain_dim: bool, no_color: bool) -> Theme {
        let c = Color::Indexed;
        let (fg, accent, soft, warn) = (c(p.fg), c(p.accent), c(p.soft), c(p.warn));
        let bold = Modifier::BOLD;
        let theme = Theme {
            // The background is set, not left to the terminal, so every
            // pair's contrast is known.
            base: Style::default().fg(fg).bg(c(p.bg)),
            border: Style::default().fg(soft),
            focus_border: Style::default().fg(accent).add_modifier(bold),
            title: Style::default().fg(accent).add_modifier(bold),
            year_heading: Style::default()
                .fg(accent)
                .add_modifier(bold | Modifier::UNDERLINED),
            selected: Style::default().add_modifier(Modifier::REVERSED | bold),
            dim: if plain_dim {
                Style::default().fg(fg)
            } else {
                Style::default().fg(soft)
            },
            highlight: Style::default()
                .fg(warn)
                .add_modifier(bold | Modifier::UNDERLINED),
            label: Style::default().add_modifier(bold),
            quote: Style::default().fg(fg).add_modifier(Modifier::ITALIC),
            claim: Style::default().fg(warn),
            bar: Style::default().fg(soft),
            bar_active: Style::default().fg(accent).add_modifier(bold),
            status: Style::default().fg(fg),
            error: Style::default().fg(warn).add_modifier(bold),
            active_value: Style::default().fg(accent).add_modifier(bold),
        };
        if no_color {
            theme.without_colour()
        } else {
            theme
        }
    }

    /// The same theme with every colour removed and only modifiers left.
    fn without_colour(self) -> Theme {
        let strip = |s: Style| Style {
            fg: None,
            bg: None,
            underline_color: None,
            ..s
        };
        Theme {
            base: strip(self.base),
            border: strip(self.border),
            focus_border: strip(self.focus_border),
            title: strip(self.title),
            year_heading: strip(self.year_heading),
            selected: strip(self.selected),
            dim: strip(self.dim),
            highlight: strip(self.highlight),
            label: strip(self.label),
            quote: strip(self.quote),
            claim: strip(self.claim),
            bar: strip(self.bar),
            // Bars are glyphs (█ done, ░ the rest): reverse video would turn
            // a solid bar into a hole.
            bar_active: strip(self.bar_active),
            status: strip(self.status),
            error: strip(self.error),
            active_value: strip(self.active_value),
        }
    }
}
