//! The domain, tested without a terminal: loading and its checks (among them the actors quotes name), the query engine, claims, writing data files back, the published schemas, and the shape of the code.

mod accuracy;
mod acting;
mod architecture;
mod caps;
mod claims;
#[path = "../common/mod.rs"]
mod common;
mod loader;
mod provenance;
mod query;
mod schemas;
mod split;
mod write;
