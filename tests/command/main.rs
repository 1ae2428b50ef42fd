//! The command line as scripts and people use it, and what its exports are to other programs.

mod acting;
mod bib_hostile;
mod bib_round_trip;
mod citations;
mod cli;
#[path = "../common/mod.rs"]
mod common;
mod exports;
mod files;
mod forged_exports;
mod glossary;
mod handout_text;
mod hostile_files;
mod install;
mod interop;
mod lessons;
mod plain;
mod progress;
mod published;
mod quiz_export;
mod readme_examples;
mod reference_managers;
mod state_files;
mod tables;
mod tools;
