//! Builds the template tree from lexed pieces: text, outputs, `if` and `range` blocks.

use super::TemplateError;
use super::funcs::Func;
use super::lex::{Piece, Token, tokenize};

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Node {
    Text(String),
    Output(Pipeline),
    If {
        branches: Vec<(Pipeline, Vec<Node>)>,
        otherwise: Vec<Node>,
    },
    Range {
        over: Pipeline,
        body: Vec<Node>,
        otherwise: Vec<Node>,
    },
}

/// Commands joined by `|`; each result is passed as the last argument of the next.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Pipeline {
    pub(super) commands: Vec<Command>,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Command {
    Operand(Operand),
    Call { func: Func, args: Vec<Operand> },
}

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Operand {
    /// A path from `.` (the current element inside `range`).
    Field(Vec<String>),
    /// A path from `$` (the whole data).
    Root(Vec<String>),
    Str(String),
    Int(i64),
    Bool(bool),
    Nil,
    Sub(Pipeline),
}

/// What ended a list of nodes.
enum Terminator {
    Else,
    ElseIf(Pipeline),
    End,
}

pub(super) fn parse(pieces: Vec<Piece>) -> Result<Vec<Node>, TemplateError> {
    let mut items = pieces.into_iter();
    let (nodes, terminator) = parse_list(&mut items)?;
    match terminator {
        None => Ok(nodes),
        Some(Terminator::End) => Err(TemplateError::Unexpected("end".to_owned())),
        Some(_) => Err(TemplateError::Unexpected("else".to_owned())),
    }
}

fn parse_list(
    items: &mut impl Iterator<Item = Piece>,
) -> Result<(Vec<Node>, Option<Terminator>), TemplateError> {
    let mut nodes = Vec::new();
    while let Some(piece) = items.next() {
        let action = match piece {
            Piece::Text(text) => {
                nodes.push(Node::Text(text));
                continue;
            }
            Piece::Action(action) => action,
        };
        let syntax = |message: String| TemplateError::Syntax {
            action: action.clone(),
            message,
        };
        let tokens = tokenize(&action).map_err(syntax)?;
        match tokens.split_first() {
            Some((Token::Word(word), rest)) if word == "if" => {
                nodes.push(parse_if(pipeline(rest, &action)?, items)?);
            }
            Some((Token::Word(word), rest)) if word == "range" => {
                nodes.push(parse_range(pipeline(rest, &action)?, items)?);
            }
            Some((Token::Word(word), rest)) if word == "else" => {
                return Ok((nodes, Some(else_terminator(rest, &action)?)));
            }
            Some((Token::Word(word), [])) if word == "end" => {
                return Ok((nodes, Some(Terminator::End)));
            }
            Some((Token::Word(word), _))
                if matches!(
                    word.as_str(),
                    "with" | "define" | "template" | "block" | "break" | "continue"
                ) =>
            {
                return Err(TemplateError::Unsupported(word.clone()));
            }
            _ => nodes.push(Node::Output(pipeline(&tokens, &action)?)),
        }
    }
    Ok((nodes, None))
}

fn else_terminator(rest: &[Token], action: &str) -> Result<Terminator, TemplateError> {
    match rest.split_first() {
        None => Ok(Terminator::Else),
        Some((Token::Word(word), condition)) if word == "if" => {
            Ok(Terminator::ElseIf(pipeline(condition, action)?))
        }
        Some(_) => Err(TemplateError::Syntax {
            action: action.to_owned(),
            message: "expected {{else}} or {{else if …}}".to_owned(),
        }),
    }
}

fn parse_if(
    condition: Pipeline,
    items: &mut impl Iterator<Item = Piece>,
) -> Result<Node, TemplateError> {
    let mut branches = Vec::new();
    let mut condition = condition;
    loop {
        let (body, terminator) = parse_list(items)?;
        branches.push((condition, body));
        match terminator {
            Some(Terminator::ElseIf(next)) => condition = next,
            Some(Terminator::Else) => {
                let (otherwise, end) = parse_list(items)?;
                return match end {
                    Some(Terminator::End) => Ok(Node::If {
                        branches,
                        otherwise,
                    }),
                    Some(_) => Err(TemplateError::Unexpected("else".to_owned())),
                    None => Err(TemplateError::UnclosedBlock("if")),
                };
            }
            Some(Terminator::End) => {
                return Ok(Node::If {
                    branches,
                    otherwise: Vec::new(),
                });
            }
            None => return Err(TemplateError::UnclosedBlock("if")),
        }
    }
}

fn parse_range(
    over: Pipeline,
    items: &mut impl Iterator<Item = Piece>,
) -> Result<Node, TemplateError> {
    let (body, terminator) = parse_list(items)?;
    let otherwise = match terminator {
        Some(Terminator::End) => Vec::new(),
        Some(Terminator::Else) => match parse_list(items)? {
            (otherwise, Some(Terminator::End)) => otherwise,
            (_, Some(_)) => return Err(TemplateError::Unexpected("else".to_owned())),
            (_, None) => return Err(TemplateError::UnclosedBlock("range")),
        },
        Some(Terminator::ElseIf(_)) => return Err(TemplateError::Unexpected("else if".to_owned())),
        None => return Err(TemplateError::UnclosedBlock("range")),
    };
    Ok(Node::Range {
        over,
        body,
        otherwise,
    })
}

fn pipeline(tokens: &[Token], action: &str) -> Result<Pipeline, TemplateError> {
    let syntax = |message: &str| TemplateError::Syntax {
        action: action.to_owned(),
        message: message.to_owned(),
    };
    let mut commands = Vec::new();
    for (index, segment) in split_pipes(tokens).into_iter().enumerate() {
        let piped = usize::from(index > 0);
        commands.push(command(segment, piped, action)?);
    }
    if commands.is_empty() {
        return Err(syntax("empty action"));
    }
    Ok(Pipeline { commands })
}

/// Splits at `|` outside parentheses.
fn split_pipes(tokens: &[Token]) -> Vec<&[Token]> {
    let mut segments = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (index, token) in tokens.iter().enumerate() {
        match token {
            Token::Open => depth += 1,
            Token::Close => depth = depth.saturating_sub(1),
            Token::Pipe if depth == 0 => {
                segments.push(&tokens[start..index]);
                start = index + 1;
            }
            _ => {}
        }
    }
    if !tokens.is_empty() {
        segments.push(&tokens[start..]);
    }
    segments
}

fn command(tokens: &[Token], piped: usize, action: &str) -> Result<Command, TemplateError> {
    if let Some((Token::Word(name), rest)) = tokens.split_first()
        && !matches!(name.as_str(), "true" | "false" | "nil")
    {
        let func = Func::from_name(name)?;
        let args = operands(rest, action)?;
        func.check_arity(args.len() + piped)?;
        return Ok(Command::Call { func, args });
    }
    let mut args = operands(tokens, action)?;
    match (args.pop(), args.is_empty(), piped) {
        (Some(operand), true, 0) => Ok(Command::Operand(operand)),
        _ => Err(TemplateError::Syntax {
            action: action.to_owned(),
            message: "expected a function call or a single value".to_owned(),
        }),
    }
}

fn operands(tokens: &[Token], action: &str) -> Result<Vec<Operand>, TemplateError> {
    let syntax = |message: &str| TemplateError::Syntax {
        action: action.to_owned(),
        message: message.to_owned(),
    };
    let mut operands = Vec::new();
    let mut index = 0;
    while index < tokens.len() {
        let operand = match &tokens[index] {
            Token::Dot(path) => Operand::Field(path.clone()),
            Token::Dollar(path) => Operand::Root(path.clone()),
            Token::Str(text) => Operand::Str(text.clone()),
            Token::Int(number) => Operand::Int(*number),
            Token::Word(word) if word == "true" || word == "false" => Operand::Bool(word == "true"),
            Token::Word(word) if word == "nil" => Operand::Nil,
            Token::Open => {
                let close = matching_close(tokens, index).ok_or_else(|| syntax("unclosed ("))?;
                let inner = pipeline(&tokens[index + 1..close], action)?;
                index = close;
                Operand::Sub(inner)
            }
            Token::Word(word) => return Err(syntax(&format!("{word} must come first"))),
            Token::Pipe | Token::Close => return Err(syntax("unexpected | or )")),
        };
        operands.push(operand);
        index += 1;
    }
    Ok(operands)
}

fn matching_close(tokens: &[Token], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (index, token) in tokens.iter().enumerate().skip(open) {
        match token {
            Token::Open => depth += 1,
            Token::Close => {
                depth -= 1;
                if depth == 0 {
                    return Some(index);
                }
            }
            _ => {}
        }
    }
    None
}
