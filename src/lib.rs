//! crosscheck: fact-check quotations and figures across news sources.
//!
//! The library is a pipeline of plain data:
//!
//! ```text
//! source (load) -> extract (quotes, figures) -> scan / check (compare)
//!               -> findings (one model) -> render (table, json, csv, ...)
//! ```
//!
//! Every stage is its own module with its own types and tests; the binary
//! hands its arguments to [`cli::main_with_args`], which parses them, runs the
//! command and returns the exit code.

pub mod cache;
pub mod check;
pub mod claims;
pub mod cli;
pub mod compare;
pub mod config;
pub mod corpus;
pub mod error;
pub mod extract;
pub mod findings;
pub mod index;
pub mod normalize;
pub mod render;
pub mod scan;
pub mod source;
pub mod speakers;
pub mod text;

pub use error::Error;
