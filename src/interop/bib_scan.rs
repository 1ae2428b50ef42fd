//! The `biblatex` crate's grammar for a `.bib` file (its `raw` module),
//! step for step and without recursion, so that the bounded first reading
//! (`bib_guard.rs`) agrees with the crate on where every entry and
//! value starts and ends, and can build the crate's raw entries itself from
//! any part of the file.

use biblatex::{Pair, RawChunk, Spanned};

/// A syntax error: where, and what the crate would say.
pub struct Syntax {
    pub at: usize,
    pub what: &'static str,
}

pub type Parts<'s> = Vec<Spanned<RawChunk<'s>>>;

/// The crate's grammar (`biblatex::raw`), step for step, without recursion.
pub struct Scanner<'s> {
    pub text: &'s str,
    pub pos: usize,
}

fn is_key(c: char) -> bool {
    !matches!(c, ',' | '}') && !c.is_control() && !c.is_whitespace()
}

fn is_id_start(c: char) -> bool {
    !matches!(c, ':' | '<' | '-' | '>') && is_id_continue(c)
}

fn is_id_continue(c: char) -> bool {
    !matches!(
        c,
        '@' | '{' | '}' | '"' | '#' | '\'' | '(' | ')' | ',' | '=' | '%' | '\\' | '~'
    ) && !c.is_control()
        && !c.is_whitespace()
}

impl<'s> Scanner<'s> {
    pub fn at(text: &'s str, pos: usize) -> Self {
        Scanner { text, pos }
    }

    pub fn peek(&self) -> Option<char> {
        self.text[self.pos..].chars().next()
    }

    pub fn eat(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    pub fn eat_if(&mut self, c: char) -> bool {
        let hit = self.peek() == Some(c);
        if hit {
            self.pos += c.len_utf8();
        }
        hit
    }

    pub fn eat_while(&mut self, f: impl Fn(char) -> bool) -> &'s str {
        let start = self.pos;
        let rest = &self.text[start..];
        self.pos += rest.find(|c| !f(c)).unwrap_or(rest.len());
        &self.text[start..self.pos]
    }

    pub fn eat_whitespace(&mut self) {
        self.eat_while(char::is_whitespace);
    }

    pub fn eat_until(&mut self, c: char) {
        let rest = &self.text[self.pos..];
        self.pos += rest.find(c).unwrap_or(rest.len());
    }

    pub fn comment(&mut self) {
        if self.eat_if('%') {
            self.eat_until('\n');
        }
    }

    pub fn fail<T>(&self, what: &'static str) -> Result<T, Syntax> {
        Err(Syntax { at: self.pos, what })
    }

    pub fn expect(&mut self, c: char, what: &'static str) -> Result<(), Syntax> {
        if self.eat_if(c) {
            Ok(())
        } else {
            self.fail(what)
        }
    }

    /// An opening or closing delimiter; the crate takes `"` for either.
    pub fn delimiter(&mut self, c: char, what: &'static str) -> Result<(), Syntax> {
        if self.eat_if(c) || self.eat_if('"') {
            Ok(())
        } else {
            self.fail(what)
        }
    }

    pub fn ident(&mut self) -> Result<Spanned<&'s str>, Syntax> {
        let start = self.pos;
        if !self.peek().is_some_and(is_id_start) {
            return self.fail("expected identifier");
        }
        self.eat();
        self.eat_while(is_id_continue);
        Ok(Spanned::new(&self.text[start..self.pos], start..self.pos))
    }

    pub fn number(&mut self) -> Result<&'s str, Syntax> {
        let start = self.pos;
        let mut dot = false;
        while let Some(c) = self.peek() {
            match c {
                '0'..='9' => {
                    self.eat();
                }
                '.' if !dot => {
                    self.eat();
                    dot = true;
                }
                '.' => return self.fail("unexpected decimal point"),
                _ => return Ok(&self.text[start..self.pos]),
            }
        }
        self.fail("unexpected end of file")
    }

    pub fn quoted(&mut self) -> Result<Spanned<&'s str>, Syntax> {
        self.expect('"', "expected double quote")?;
        let start = self.pos;
        while let Some(c) = self.peek() {
            match c {
                '"' => {
                    let span = start..self.pos;
                    self.eat();
                    return Ok(Spanned::new(&self.text[span.clone()], span));
                }
                '\\' => {
                    self.eat();
                    self.eat();
                }
                _ => {
                    self.eat();
                }
            }
        }
        self.fail("unexpected end of file")
    }

    pub fn braced(&mut self) -> Result<Spanned<&'s str>, Syntax> {
        self.eat();
        let start = self.pos;
        let mut depth = 0usize;
        while let Some(c) = self.peek() {
            match c {
                '{' => {
                    self.eat();
                    depth += 1;
                }
                '}' => {
                    let span = start..self.pos;
                    self.eat();
                    if depth == 0 {
                        return Ok(Spanned::new(&self.text[span.clone()], span));
                    }
                    depth -= 1;
                }
                '\\' => {
                    self.eat();
                    self.eat();
                }
                _ => {
                    self.eat();
                }
            }
        }
        self.fail("unexpected end of file")
    }

    pub fn element(&mut self) -> Result<Spanned<RawChunk<'s>>, Syntax> {
        let start = self.pos;
        let chunk = match self.peek() {
            Some(c) if c.is_ascii_digit() => RawChunk::Normal(self.number()?),
            Some(c) if is_id_start(c) => RawChunk::Abbreviation(self.ident()?.v),
            Some('{') => return self.braced().map(|s| Spanned::new(RawChunk::Normal(s.v), s.span)),
            Some('"') => return self.quoted().map(|s| Spanned::new(RawChunk::Normal(s.v), s.span)),
            _ => return self.fail("unexpected end of file"),
        };
        Ok(Spanned::new(chunk, start..self.pos))
    }

    /// A value: elements joined by `#`.
    pub fn value(&mut self) -> Result<Spanned<Parts<'s>>, Syntax> {
        let start = self.pos;
        let mut parts = Vec::new();
        loop {
            parts.push(self.element()?);
            self.eat_whitespace();
            if !self.eat_if('#') {
                break;
            }
            self.eat_whitespace();
        }
        Ok(Spanned::new(parts, start..self.pos))
    }

    /// `name = value, …` up to the closing brace, each pair given to `each`
    /// as soon as read, so that no list of them is built.
    pub fn fields(&mut self, each: &mut dyn FnMut(Pair<'s>)) -> Result<(), Syntax> {
        while self.pos < self.text.len() {
            self.eat_whitespace();
            if self.peek() == Some('}') {
                return Ok(());
            }
            let key = self.ident()?;
            self.eat_whitespace();
            self.expect('=', "expected equals")?;
            self.eat_whitespace();
            let value = self.value()?;
            self.eat_whitespace();
            self.comment();
            self.eat_whitespace();
            each(Pair::new(key, value));
            match self.peek() {
                Some(',') => {
                    self.eat();
                    self.eat_whitespace();
                    self.comment();
                }
                Some('}') => return Ok(()),
                _ => return self.fail("expected comma"),
            }
        }
        self.fail("unexpected end of file")
    }

    /// An entry's head up to its fields: the key, then the comma.
    pub fn head(&mut self) -> Result<Spanned<&'s str>, Syntax> {
        let start = self.pos;
        let key = self.eat_while(is_key);
        let key = Spanned::new(key, start..self.pos);
        self.eat_whitespace();
        self.expect(',', "expected comma")?;
        self.eat_whitespace();
        self.comment();
        self.eat_whitespace();
        Ok(key)
    }
}
