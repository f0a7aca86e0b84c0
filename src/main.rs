//! Mounts the app. Everything else lives in the library so native tests can reach it.
fn main() {
    gazette::panic_screen::install();
    // The static shell from index.html made the first paint; the app takes over from here.
    if let Some(shell) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("boot-shell")) {
        shell.remove();
    }
    leptos::mount::mount_to_body(gazette::app::App);
}
