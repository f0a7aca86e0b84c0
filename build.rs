//! Generates the `i18n` module from `locales/*.json` at compile time, so every translation key is
//! checked by the compiler and a key missing in any locale is a build error (leptos_i18n 0.6).
use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};
use std::error::Error;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=Cargo.toml");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR not set")?).join("i18n");
    // `interpolate_display` lets attributes and live regions get interpolated strings as text.
    let cfg = Config::new("en")?
        .add_locales(["ru", "hy", "az"])?
        .parse_options(ParseOptions::new().interpolate_display(true));
    let infos = TranslationsInfos::parse(cfg)?;
    infos.emit_diagnostics();
    infos.rerun_if_locales_changed();
    infos.generate_i18n_module(out)?;
    Ok(())
}
