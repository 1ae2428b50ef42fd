fn main() -> std::process::ExitCode {
    tipline::cli::main()
}
