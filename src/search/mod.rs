//! Search: from a user's query and filters to ranked [`Hit`]s.
//!
//! [`QueryPlan`] is plain data (what was asked). `build` turns it into a tantivy
//! query, `collect` gathers the top hits or every hit, `snippet` cuts the
//! highlighted excerpt, and [`Hit`] carries each result to the output writers.

mod build;
mod collect;
mod error;
mod hit;
mod plan;
mod prefix;
mod run;
mod snippet;

pub use error::QueryError;
pub use hit::Hit;
pub use plan::{Filters, Operator, QueryPlan, SortOrder};
pub use run::{ExportError, ExportSummary, SearchResults, export, search};
pub use snippet::Snippet;
