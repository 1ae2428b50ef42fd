//! Notes whether the source material the dataset quotes lies beside the
//! project, so the quote check can say it was skipped instead of passing
//! silently. `TIPLINE_SHARED_DIR` points elsewhere (for trying the check).

fn main() {
    println!("cargo::rustc-check-cfg=cfg(shared_material)");
    println!("cargo:rerun-if-env-changed=TIPLINE_SHARED_DIR");
    println!("cargo:rerun-if-env-changed=CI");
    let dir = std::env::var_os("TIPLINE_SHARED_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    let research = dir.join("research");
    if research.is_dir() {
        // Watching the folder notices when it goes away.
        println!("cargo:rerun-if-changed={}", research.display());
        println!("cargo:rustc-cfg=shared_material");
    } else {
        // Watching a missing path would rebuild on every run; material put
        // there later is noticed after `touch build.rs`.
        println!("cargo:rerun-if-changed=build.rs");
    }
    println!("cargo:rustc-env=TIPLINE_SHARED_DIR={}", dir.display());
}
