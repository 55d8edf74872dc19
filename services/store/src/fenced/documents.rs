//! Fenced writes of the leader's published documents (see [`crate::documents`]). None
//! emits an outbox event: replicas read the table when asked.

use jiff::Timestamp;

use super::FencedTx;
use crate::error::Result;
use crate::limits::{MAX_JSON_BYTES, cap, ident, to_millis};
use crate::sql::args;

impl FencedTx {
    /// Publishes (or replaces) the document `scope`/`key`.
    pub async fn put_document(
        &mut self,
        scope: &str,
        key: &str,
        json: &str,
        now: Timestamp,
    ) -> Result<()> {
        self.ensure_usable()?;
        ident("document scope", scope)?;
        ident("document key", key)?;
        cap("document", json.len(), MAX_JSON_BYTES)?;
        let sql = "INSERT INTO leader_documents (scope, doc_key, document, updated_at) \
            VALUES ($1, $2, $3, $4) ON CONFLICT (scope, doc_key) \
            DO UPDATE SET document = excluded.document, updated_at = excluded.updated_at";
        let result = self
            .tx
            .exec()
            .execute(sql, args![scope, key, json, to_millis(now)])
            .await;
        self.poison_on_error(result).map(drop)
    }

    /// Withdraws the document `scope`/`key`; true when it existed.
    pub async fn delete_document(&mut self, scope: &str, key: &str) -> Result<bool> {
        self.ensure_usable()?;
        let sql = "DELETE FROM leader_documents WHERE scope = $1 AND doc_key = $2";
        let result = self.tx.exec().execute(sql, args![scope, key]).await;
        self.poison_on_error(result).map(|deleted| deleted > 0)
    }
}
