//! Mounts the app. Everything else lives in the library so native tests can reach it.
fn main() {
    gazette::panic_screen::install();
    leptos::mount::mount_to_body(gazette::app::App);
}
