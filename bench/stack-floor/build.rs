//! For the `leptos_i18n` variant only: generates its module from Gazette's `locales/*.json`.
fn main() {
    #[cfg(feature = "leptos_i18n")]
    {
        use leptos_i18n_build::{Config, TranslationsInfos};
        let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").unwrap()).join("i18n");
        let cfg = Config::new("en").unwrap().add_locales(["ru", "hy", "az"]).unwrap();
        let infos = TranslationsInfos::parse_at_dir("../..", cfg).unwrap();
        infos.emit_diagnostics();
        infos.generate_i18n_module(out).unwrap();
    }
}
