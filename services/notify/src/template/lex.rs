//! Splits a template into text and actions (applying `{{-` / `-}}` trimming and dropping
//! comments), and an action into tokens.

use super::TemplateError;

/// Text or the inside of one `{{ … }}`.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Piece {
    Text(String),
    Action(String),
}

/// One token inside an action.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Token {
    /// `.A.B` (empty path for `.`).
    Dot(Vec<String>),
    /// `$` or `$.A.B`.
    Dollar(Vec<String>),
    Str(String),
    Int(i64),
    Word(String),
    Pipe,
    Open,
    Close,
}

pub(super) fn split(source: &str) -> Result<Vec<Piece>, TemplateError> {
    let mut pieces = Vec::new();
    let mut rest = source;
    let mut trim_next_text = false;
    while let Some(open) = rest.find("{{") {
        let after_open = &rest[open + 2..];
        let close = find_close(after_open).ok_or(TemplateError::Unclosed)?;
        let mut inner = &after_open[..close];
        let trim_before = has_trim_marker(inner.strip_prefix('-'), true);
        let trim_after = has_trim_marker(inner.strip_suffix('-'), false);
        if trim_before {
            inner = &inner[1..];
        }
        if trim_after {
            inner = &inner[..inner.len() - 1];
        }
        push_text(&mut pieces, &rest[..open], trim_next_text, trim_before);
        let inner = inner.trim();
        let is_comment = inner.starts_with("/*") && inner.ends_with("*/");
        if !is_comment {
            pieces.push(Piece::Action(inner.to_owned()));
        }
        trim_next_text = trim_after;
        rest = &after_open[close + 2..];
    }
    push_text(&mut pieces, rest, trim_next_text, false);
    Ok(pieces)
}

/// Go's trim marker is a `-` separated from the action by white space.
fn has_trim_marker(rest: Option<&str>, leading: bool) -> bool {
    let Some(rest) = rest else { return false };
    let next = if leading {
        rest.chars().next()
    } else {
        rest.chars().next_back()
    };
    next.is_some_and(char::is_whitespace)
}

fn push_text(pieces: &mut Vec<Piece>, text: &str, trim_start: bool, trim_end: bool) {
    let text = if trim_start { text.trim_start() } else { text };
    let text = if trim_end { text.trim_end() } else { text };
    if !text.is_empty() {
        pieces.push(Piece::Text(text.to_owned()));
    }
}

/// The offset of the `}}` closing an action, skipping string literals.
fn find_close(action: &str) -> Option<usize> {
    let bytes = action.as_bytes();
    let mut index = 0;
    let mut quote: Option<u8> = None;
    while index < bytes.len() {
        let byte = bytes[index];
        match quote {
            Some(b'"') if byte == b'\\' => index += 1,
            Some(open) if byte == open => quote = None,
            Some(_) => {}
            None if byte == b'"' || byte == b'`' => quote = Some(byte),
            None if action[index..].starts_with("}}") => return Some(index),
            None => {}
        }
        index += 1;
    }
    None
}

pub(super) fn tokenize(action: &str) -> Result<Vec<Token>, String> {
    let mut tokens = Vec::new();
    let mut chars = action.char_indices().peekable();
    while let Some(&(start, character)) = chars.peek() {
        match character {
            c if c.is_whitespace() => {
                chars.next();
            }
            '|' | '(' | ')' => {
                chars.next();
                tokens.push(match character {
                    '|' => Token::Pipe,
                    '(' => Token::Open,
                    _ => Token::Close,
                });
            }
            '"' | '`' => tokens.push(Token::Str(string_literal(&mut chars, character)?)),
            '.' | '$' => {
                let word = take_word(action, &mut chars, start);
                tokens.push(path_token(&word)?);
            }
            c if c.is_ascii_digit() || c == '-' => {
                let word = take_word(action, &mut chars, start);
                let number = word.parse().map_err(|_| format!("bad number {word:?}"))?;
                tokens.push(Token::Int(number));
            }
            c if c.is_alphabetic() || c == '_' => {
                tokens.push(Token::Word(take_word(action, &mut chars, start)));
            }
            other => return Err(format!("unexpected character {other:?}")),
        }
    }
    Ok(tokens)
}

type Chars<'a> = std::iter::Peekable<std::str::CharIndices<'a>>;

fn take_word(action: &str, chars: &mut Chars<'_>, start: usize) -> String {
    let mut end = start;
    while let Some(&(index, character)) = chars.peek() {
        let word_char = character.is_alphanumeric() || matches!(character, '_' | '.' | '$' | '-');
        if !word_char || (index > start && character == '$') {
            break;
        }
        end = index + character.len_utf8();
        chars.next();
    }
    action[start..end].to_owned()
}

fn path_token(word: &str) -> Result<Token, String> {
    let (dollar, path) = match word.strip_prefix('$') {
        Some(rest) => (true, rest),
        None => (false, word),
    };
    let segments: Vec<String> = if path.is_empty() || path == "." {
        Vec::new()
    } else {
        let path = path
            .strip_prefix('.')
            .ok_or(format!("bad field {word:?}"))?;
        path.split('.').map(str::to_owned).collect()
    };
    let valid = |segment: &String| {
        !segment.is_empty() && segment.chars().all(|c| c.is_alphanumeric() || c == '_')
    };
    if !segments.iter().all(valid) {
        return Err(format!("bad field {word:?}"));
    }
    Ok(if dollar {
        Token::Dollar(segments)
    } else {
        Token::Dot(segments)
    })
}

fn string_literal(chars: &mut Chars<'_>, quote: char) -> Result<String, String> {
    chars.next();
    let mut value = String::new();
    while let Some((_, character)) = chars.next() {
        match character {
            c if c == quote => return Ok(value),
            '\\' if quote == '"' => {
                let (_, escaped) = chars.next().ok_or("unterminated string")?;
                value.push(match escaped {
                    'n' => '\n',
                    't' => '\t',
                    'r' => '\r',
                    other => other,
                });
            }
            other => value.push(other),
        }
    }
    Err("unterminated string".to_owned())
}
