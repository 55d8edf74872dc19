//! The scenarios of issue 7. Each one fills one or more report sections; an
//! error ends that section with its reason and the run goes on with the next.

mod arrivals;
mod failover;
mod fanout;
mod freshness;
mod ingest;
mod ingest_e2e;
mod jobs;
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
    match scenario {
        Scenario::Ingest => {
            let mut store = None;
            let first = attempt("ingest: store level (FencedTx vs PostgreSQL)", async |section| {
                store = ingest::store_level(section, quick).await?;
                Ok(())
            })
            .await;
            let second = attempt("ingest: end to end (stand-in → controller → outbox)", async |section| {
                ingest_e2e::end_to_end(section, quick, store.as_ref()).await
            })
            .await;
            vec![first, second]
        }
        Scenario::Freshness => {
            vec![attempt("freshness (Job completion → query replica streams)", async |section| freshness::freshness(section, quick).await).await]
        }
        Scenario::Query => {
            vec![attempt("query (main read RPCs vs a bare tonic server)", async |section| query::query(section, quick).await).await]
        }
        Scenario::Fanout => {
            vec![attempt("fanout (concurrent subscribers on one query replica)", async |section| fanout::fanout(section, quick).await).await]
        }
        Scenario::Scale => {
            vec![attempt("scale (controller watching a big cluster)", async |section| scale::scale(section, quick).await).await]
        }
        Scenario::Failover => {
            vec![attempt("failover (leader crash and graceful handover)", async |section| failover::failover(section, quick).await).await]
        }
        Scenario::All | Scenario::CeilingServer => Vec::new(),
    }
}

/// A section filled by `body`; its error, if any, becomes the section's failure.
async fn attempt(title: &str, body: impl AsyncFnOnce(&mut Section) -> anyhow::Result<()>) -> Section {
    let mut section = Section::new(title);
    if let Err(error) = body(&mut section).await {
        section.failure = Some(format!("{error:#}"));
    }
    section
}
