use clap::Parser;

fn main() -> std::process::ExitCode {
    tipline::cli::run(tipline::cli::Cli::parse())
}
