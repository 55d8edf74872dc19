//! Offset paging: the `pagination` object of list replies and the page tokens
//! that carry the next offset.
//!
//! Tokens are opaque to clients; today they hold an offset (`o40`), so a token
//! stays valid across replicas and restarts.

use crate::InputError;
use crate::input::Page;
use crate::v1::Pagination;

const TOKEN_PREFIX: &str = "o";

/// Builds the `pagination` object for `page` of a list of `total` items.
pub fn pagination(total: i64, page: Page) -> Pagination {
    Pagination {
        total,
        limit: clamp_i32(page.limit),
        offset: clamp_i32(page.offset),
        has_more: next_offset(total, page).is_some(),
    }
}

/// Returns the token of the page after `page`, or an empty string on the last page.
pub fn next_page_token(total: i64, page: Page) -> String {
    next_offset(total, page)
        .map(encode_page_token)
        .unwrap_or_default()
}

/// Encodes an offset as a page token.
pub fn encode_page_token(offset: u32) -> String {
    format!("{TOKEN_PREFIX}{offset}")
}

/// Decodes a page token into the offset it carries.
pub fn decode_page_token(token: &str) -> Result<u32, InputError> {
    token
        .strip_prefix(TOKEN_PREFIX)
        .and_then(|digits| digits.parse().ok())
        .ok_or_else(|| InputError::new("pageToken", "not a token from an earlier reply"))
}

fn next_offset(total: i64, page: Page) -> Option<u32> {
    let next = page.offset.checked_add(page.limit)?;
    (i64::from(next) < total).then_some(next)
}

fn clamp_i32(value: u32) -> i32 {
    i32::try_from(value).unwrap_or(i32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pagination_reports_more_only_before_the_last_page() {
        let first = Page {
            limit: 20,
            offset: 0,
        };
        let reply = pagination(45, first);
        assert_eq!(
            (reply.total, reply.limit, reply.offset, reply.has_more),
            (45, 20, 0, true)
        );
        assert_eq!(decode_page_token(&next_page_token(45, first)), Ok(20));

        let last = Page {
            limit: 20,
            offset: 40,
        };
        assert!(!pagination(45, last).has_more);
        assert_eq!(next_page_token(45, last), "");
        assert!(
            !pagination(
                40,
                Page {
                    limit: 20,
                    offset: 20
                }
            )
            .has_more
        );
    }

    #[test]
    fn foreign_page_tokens_are_rejected() {
        assert_eq!(decode_page_token("o7"), Ok(7));
        for bad in ["", "7", "o", "o-1", "ox"] {
            assert_eq!(decode_page_token(bad).expect_err(bad).field, "pageToken");
        }
    }
}
