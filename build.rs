//! Compiles `locales/*.json` into the `i18n` module's strings (src/i18n/codegen.rs): every UI
//! language is a value of the same struct, so a key missing in any language is a build error.
#[path = "src/i18n/codegen.rs"]
mod codegen;

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=src/i18n/codegen.rs");
    println!("cargo::rerun-if-changed=locales");
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/locales");
    let code = codegen::read_locales(dir).and_then(|locales| codegen::generate(&locales));
    match code {
        Ok(code) => {
            let out =
                std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("strings.rs");
            std::fs::write(out, code).expect("writing the generated strings");
        }
        Err(why) => {
            println!("cargo::error=locales: {why}");
        }
    }
}
