//! Runs of a CronJob: the paged list, one run in detail, and its stored logs.
//!
//! A query replica has no Kubernetes access, so logs are the excerpt stored
//! with the run (the tail of the failed container's log); `tailLines` cuts it
//! further, and `truncated` says that the reply is not the whole log.

use std::sync::Arc;

use guardian_api::convert::{execution_detail, execution_item, next_page_token, pagination};
use guardian_api::input::{ExecutionQuery, ExecutionRef, LogsQuery};
use guardian_api::v1::{
    GetExecutionLogsRequest, GetExecutionLogsResponse, GetExecutionRequest, GetExecutionResponse,
    ListExecutionsRequest, ListExecutionsResponse,
};
use guardian_store::{ExecutionFilter, StoredExecution};

use super::Reads;
use crate::error::{QueryError, Result};

/// How the store marks an excerpt it shortened (see `guardian_store::limits`).
const STORE_TRUNCATION_MARKER: &str = "[truncated ";

impl Reads {
    /// A page of runs, held by the read model until an event touches the CronJob.
    pub async fn list_executions(
        &self,
        request: &ListExecutionsRequest,
    ) -> Result<ListExecutionsResponse> {
        let query = ExecutionQuery::try_from(request)?;
        let key = (
            query.page.limit,
            u64::from(query.page.offset),
            query.since,
            query.outcome,
        );
        if let Some(page) = self.model.page(&query.cronjob, &key) {
            return Ok(ListExecutionsResponse::clone(&page));
        }
        let ticket = self.model.ticket();
        let reply = self.read_executions(&query).await?;
        self.model
            .put_page(ticket, query.cronjob, key, Arc::new(reply.clone()));
        Ok(reply)
    }

    async fn read_executions(&self, query: &ExecutionQuery) -> Result<ListExecutionsResponse> {
        let filter = ExecutionFilter {
            limit: query.page.limit,
            offset: u64::from(query.page.offset),
            since: query.since,
            status: query.outcome,
        };
        let page = self.store.list_executions(&query.cronjob, &filter).await?;
        // An empty page is fine for a known CronJob; for an unknown one it is a 404.
        if page.total == 0 && self.store.get_cronjob(&query.cronjob).await?.is_none() {
            return Err(QueryError::not_found("cronjob", &query.cronjob));
        }
        let total = i64::try_from(page.total).unwrap_or(i64::MAX);
        Ok(ListExecutionsResponse {
            items: page
                .items
                .iter()
                .map(|stored| execution_item(stored.id, &stored.execution))
                .collect(),
            pagination: Some(pagination(total, query.page)),
            next_page_token: next_page_token(total, query.page),
        })
    }

    pub async fn get_execution(
        &self,
        request: &GetExecutionRequest,
    ) -> Result<GetExecutionResponse> {
        let execution = ExecutionRef::try_from(request)?;
        let stored = self.stored_execution(&execution).await?;
        Ok(GetExecutionResponse {
            execution: Some(execution_detail(stored.id, &stored.execution)),
        })
    }

    pub async fn get_execution_logs(
        &self,
        request: &GetExecutionLogsRequest,
    ) -> Result<GetExecutionLogsResponse> {
        let query = LogsQuery::try_from(request)?;
        let stored = self.stored_execution(&query.execution).await?;
        let logs = stored.execution.logs.as_deref().unwrap_or_default();
        let (logs, cut) = tail(logs, query.tail_lines);
        Ok(GetExecutionLogsResponse {
            job_name: stored.execution.job_name,
            container: query.container.unwrap_or_default(),
            truncated: cut || logs.starts_with(STORE_TRUNCATION_MARKER),
            logs,
        })
    }

    async fn stored_execution(&self, execution: &ExecutionRef) -> Result<StoredExecution> {
        self.store
            .get_execution(&execution.cronjob, &execution.job_name)
            .await?
            .ok_or_else(|| {
                QueryError::not_found(
                    "execution",
                    format!("{}/{}", execution.cronjob, execution.job_name),
                )
            })
    }
}

/// The last `lines` lines of `text` (all when `None`), and whether any were cut.
fn tail(text: &str, lines: Option<u32>) -> (String, bool) {
    let Some(lines) = lines else {
        return (text.to_owned(), false);
    };
    let body = text.strip_suffix('\n').unwrap_or(text);
    let total = if body.is_empty() {
        0
    } else {
        body.split('\n').count()
    };
    let keep = usize::try_from(lines).unwrap_or(usize::MAX);
    if total <= keep {
        return (text.to_owned(), false);
    }
    if keep == 0 {
        return (String::new(), true);
    }
    let start = body
        .match_indices('\n')
        .nth(total - keep - 1)
        .map_or(0, |(index, _)| index + 1);
    (text[start..].to_owned(), true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tail_keeps_the_last_lines_and_says_when_it_cut() {
        let text = "one\ntwo\nthree\n";
        assert_eq!(tail(text, None), (text.to_owned(), false));
        assert_eq!(tail(text, Some(2)), ("two\nthree\n".to_owned(), true));
        assert_eq!(tail(text, Some(3)), (text.to_owned(), false));
        assert_eq!(tail(text, Some(0)), (String::new(), true));
        assert_eq!(tail("a\nb", Some(1)), ("b".to_owned(), true));
        assert_eq!(tail("", Some(1)), (String::new(), false));
    }
}
