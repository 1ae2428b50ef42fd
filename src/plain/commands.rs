//! The one table of the plain reading's commands: what is typed, its short
//! forms, what it takes and what it does. `help` and the README's table are
//! written from it, so they cannot drift from what the reader accepts.

/// What a command does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Help,
    List,
    More,
    Next,
    Previous,
    Show,
    Year,
    Actor,
    Kind,
    Tag,
    Search,
    Query,
    Clear,
    Filter,
    Quit,
}

/// One command as the reader types it.
#[derive(Debug)]
pub struct Command {
    pub name: &'static str,
    pub aliases: &'static [&'static str],
    /// What follows the name, as help shows it; empty when nothing does.
    pub takes: &'static str,
    pub what: &'static str,
    pub action: Action,
}

pub const COMMANDS: &[Command] = &[
    Command {
        name: "help",
        aliases: &["h", "?"],
        takes: "",
        what: "say these commands",
        action: Action::Help,
    },
    Command {
        name: "list",
        aliases: &["l"],
        takes: "[N]",
        what: "the events in view, numbered, 10 at a time; from number N when given",
        action: Action::List,
    },
    Command {
        name: "more",
        aliases: &["m"],
        takes: "",
        what: "the next 10 of the list",
        action: Action::More,
    },
    Command {
        name: "next",
        aliases: &["n"],
        takes: "",
        what: "move to the next event and read it short",
        action: Action::Next,
    },
    Command {
        name: "prev",
        aliases: &["p", "previous"],
        takes: "",
        what: "move to the previous event and read it short",
        action: Action::Previous,
    },
    Command {
        name: "show",
        aliases: &["s"],
        takes: "[N]",
        what: "read event N of the list in full, or the current event; an event id works too",
        action: Action::Show,
    },
    Command {
        name: "year",
        aliases: &["y"],
        takes: "YEAR",
        what: "only events touching a year or a range, like year 2022 or year 2019..2022",
        action: Action::Year,
    },
    Command {
        name: "actor",
        aliases: &["a"],
        takes: "NAME",
        what: "only events naming an actor, by name or alias, ignoring case and accents",
        action: Action::Actor,
    },
    Command {
        name: "kind",
        aliases: &["k"],
        takes: "KIND",
        what: "only events of a kind, like kind ranking or kind national day",
        action: Action::Kind,
    },
    Command {
        name: "tag",
        aliases: &["t"],
        takes: "TAG",
        what: "only events with a tag",
        action: Action::Tag,
    },
    Command {
        name: "search",
        aliases: &["find"],
        takes: "WORDS",
        what: "only events holding all these words",
        action: Action::Search,
    },
    Command {
        name: "query",
        aliases: &[],
        takes: "TEXT",
        what: "replace the whole filter with query text, like query year:2022 -kind:ranking",
        action: Action::Query,
    },
    Command {
        name: "clear",
        aliases: &["c"],
        takes: "",
        what: "drop the filter: every event is in view again",
        action: Action::Clear,
    },
    Command {
        name: "filter",
        aliases: &["f"],
        takes: "",
        what: "say the filter and how many events pass it",
        action: Action::Filter,
    },
    Command {
        name: "quit",
        aliases: &["exit", "q"],
        takes: "",
        what: "leave",
        action: Action::Quit,
    },
];

/// The command a typed word names, ignoring case.
pub fn find(word: &str) -> Option<&'static Command> {
    let word = word.to_lowercase();
    COMMANDS
        .iter()
        .find(|c| c.name == word || c.aliases.contains(&word.as_str()))
}

/// The command nearest to a misspelt word, for "did you mean".
pub fn nearest(word: &str) -> Option<&'static str> {
    let names: Vec<&str> = COMMANDS.iter().map(|c| c.name).collect();
    crate::text::nearest(&word.to_lowercase(), &names)
}

/// What `help` says: a line for each command.
pub fn help_lines() -> Vec<String> {
    COMMANDS
        .iter()
        .map(|c| {
            let mut line = c.name.to_string();
            if !c.takes.is_empty() {
                line.push(' ');
                line.push_str(c.takes);
            }
            line.push_str(": ");
            line.push_str(c.what);
            if !c.aliases.is_empty() {
                line.push_str(" (also ");
                line.push_str(&c.aliases.join(" or "));
                line.push(')');
            }
            line
        })
        .collect()
}

/// The commands as the README's Markdown table.
pub fn markdown() -> String {
    let mut out = String::from("| command | short | what it does |\n|---|---|---|\n");
    for c in COMMANDS {
        let typed = if c.takes.is_empty() {
            format!("`{}`", c.name)
        } else {
            format!("`{} {}`", c.name, c.takes)
        };
        let short: Vec<String> = c.aliases.iter().map(|a| format!("`{a}`")).collect();
        let row = format!("| {typed} | {} | {} |\n", short.join(" "), c.what);
        out.push_str(&row.replace("|  |", "| |"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_and_short_form_names_one_command() {
        let mut seen: Vec<&str> = Vec::new();
        for c in COMMANDS {
            for word in std::iter::once(&c.name).chain(c.aliases) {
                assert!(!seen.contains(word), "{word} names two commands");
                seen.push(word);
            }
        }
        assert_eq!(find("NEXT").map(|c| c.action), Some(Action::Next));
        assert_eq!(find("exit").map(|c| c.action), Some(Action::Quit));
        assert_eq!(nearest("nxet"), Some("next"));
        assert!(find("nxet").is_none());
    }
}
