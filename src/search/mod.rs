//! Search: from a user's query and filters to ranked [`Hit`]s.
//!
//! [`QueryPlan`] is plain data (what was asked). `build` turns it into a tantivy
//! query, `collect` gathers the top hits or every hit, `snippet` cuts the
//! highlighted excerpt, and [`Hit`] carries each result to the output writers.

mod build;
mod collect;
mod entity;
mod entity_counts;
mod error;
mod hit;
mod plan;
mod prefix;
mod run;
mod salience;
mod snippet;
mod text;

pub use entity::ENTITY_BOOST;
pub use entity_counts::{EntityCount, entity_counts};
pub use error::QueryError;
pub use hit::Hit;
pub use plan::{Filters, Operator, QueryPlan, Rank, SortOrder};
pub use run::{ExportError, ExportSummary, ExportText, SearchResults, export, search};
pub use salience::SalienceQuery;
pub use snippet::Snippet;
