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

impl Theme {
    pub fn new(name: ThemeName, no_color: bool) -> Theme {
        let (fg, accent, soft, warn) = match name {
            ThemeName::Dark => (Color::Gray, Color::Cyan, Color::DarkGray, Color::Yellow),
            ThemeName::Light => (Color::Black, Color::Blue, Color::DarkGray, Color::Red),
            ThemeName::HighContrast => (Color::White, Color::LightYellow, Color::White, Color::LightRed),
        };
        let bold = Modifier::BOLD;
        let theme = Theme {
            base: Style::default().fg(fg),
            border: Style::default().fg(soft),
            focus_border: Style::default().fg(accent).add_modifier(bold),
            title: Style::default().fg(accent).add_modifier(bold),
            year_heading: Style::default()
                .fg(accent)
                .add_modifier(bold | Modifier::UNDERLINED),
            selected: Style::default().add_modifier(Modifier::REVERSED | bold),
            dim: if name == ThemeName::HighContrast {
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
