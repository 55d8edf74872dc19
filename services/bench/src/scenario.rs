//! The scenarios of issue 7. Each one fills one or more report sections; an
//! error ends that section with its reason and the run goes on with the next.

mod arrivals;
mod failover;
mod fanout;
mod freshness;
mod ingest;
mod ingest_e2e;
mod ingest_mysql;
mod jobs;
mod outbox;
mod pg_ceiling;
mod probe;
mod query;
mod reads;
mod scale;
mod streams;

use crate::args::Scenario;
use crate::report::Section;

/// Runs `scenario` and returns its sections.
pub async fn run(scenario: Scenario, quick: bool) -> Vec<Section> {
    let section = match scenario {
        Scenario::Ingest => return ingest_sections(quick).await,
        Scenario::IngestMysql => {
            let title = "ingest: store level on MariaDB (FencedTx vs MariaDB)";
            attempt(title, async |section| {
                ingest_mysql::store_level(section, quick).await
            })
            .await
        }
        Scenario::Freshness => {
            let title = "freshness (Job completion → query replica streams)";
            attempt(title, async |section| {
                freshness::freshness(section, quick).await
            })
            .await
        }
        Scenario::Query => {
            let title = "query (main read RPCs vs a bare tonic server)";
            attempt(title, async |section| query::query(section, quick).await).await
        }
        Scenario::Fanout => {
            let title = "fanout (concurrent subscribers on one query replica)";
            attempt(title, async |section| fanout::fanout(section, quick).await).await
        }
        Scenario::Scale => {
            let title = "scale (controller watching a big cluster)";
            attempt(title, async |section| scale::scale(section, quick).await).await
        }
        Scenario::Failover => {
            let title = "failover (leader crash and graceful handover)";
            attempt(title, async |section| {
                failover::failover(section, quick).await
            })
            .await
        }
        Scenario::All | Scenario::CeilingServer => return Vec::new(),
    };
    vec![section]
}

/// Store level first: its PostgreSQL ceiling is the end-to-end figure's ceiling too.
async fn ingest_sections(quick: bool) -> Vec<Section> {
    let mut store = None;
    let title = "ingest: store level (FencedTx vs PostgreSQL)";
    let first = attempt(title, async |section| {
        store = ingest::store_level(section, quick).await?;
        Ok(())
    })
    .await;
    let title = "ingest: end to end (stand-in → controller → outbox)";
    let second = attempt(title, async |section| {
        ingest_e2e::end_to_end(section, quick, store.as_ref()).await
    })
    .await;
    vec![first, second]
}

/// A section filled by `body`; its error, if any, becomes the section's failure.
async fn attempt(
    title: &str,
    body: impl AsyncFnOnce(&mut Section) -> anyhow::Result<()>,
) -> Section {
    let mut section = Section::new(title);
    if let Err(error) = body(&mut section).await {
        section.failure = Some(format!("{error:#}"));
    }
    section
}
