//! Documents the leader publishes for the query replicas (migration 0006): one JSON text
//! per `(scope, key)`, replaced whole. The store does not read them; the writer and the
//! reader agree on their shape (the API's own messages). Writes are fenced
//! ([`crate::FencedTx::put_document`]), so only the current leader publishes; reads
//! work with no leader at all.

use jiff::Timestamp;

use crate::error::Result;
use crate::limits::from_millis;
use crate::sql::args;
use crate::store::Store;

/// Scope of the AlertChannel documents (key `namespace/name`).
pub const CHANNEL_SCOPE: &str = "channel";
/// Scope of the running configuration (key [`RUNNING_CONFIG_KEY`]).
pub const CONFIG_SCOPE: &str = "config";
/// Key of the leader's running configuration.
pub const RUNNING_CONFIG_KEY: &str = "running";

/// One published document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub key: String,
    pub json: String,
    pub updated_at: Timestamp,
}

impl Store {
    /// Every document of `scope`, by key.
    pub async fn documents(&self, scope: &str) -> Result<Vec<Document>> {
        let sql = "SELECT doc_key, document, updated_at FROM leader_documents \
            WHERE scope = $1 ORDER BY doc_key LIMIT 100000";
        let mut conn = self.pool.acquire().await?;
        let rows: Vec<(String, String, i64)> = conn.exec().fetch_all(sql, args![scope]).await?;
        rows.into_iter()
            .map(|(key, json, updated_at)| {
                Ok(Document {
                    key,
                    json,
                    updated_at: from_millis(updated_at)?,
                })
            })
            .collect()
    }

    /// The document `scope`/`key`, if published.
    pub async fn document(&self, scope: &str, key: &str) -> Result<Option<Document>> {
        let sql = "SELECT doc_key, document, updated_at FROM leader_documents \
            WHERE scope = $1 AND doc_key = $2";
        let mut conn = self.pool.acquire().await?;
        let row: Option<(String, String, i64)> =
            conn.exec().fetch_optional(sql, args![scope, key]).await?;
        row.map(|(key, json, updated_at)| {
            Ok(Document {
                key,
                json,
                updated_at: from_millis(updated_at)?,
            })
        })
        .transpose()
    }
}
