//! Mounts the app. Everything else lives in the library so native tests can reach it.
fn main() {
    gazette::panic_screen::install();
    // Mounted in a task after the one that instantiated the WebAssembly, so that neither blocks
    // the reader's input for long. The static shell from index.html made the first paint and
    // hands over once the app is in the page.
    wasm_bindgen_futures::spawn_local(async {
        gazette::boot::next_task().await;
        leptos::mount::mount_to_body(gazette::app::App);
        gazette::boot::hand_over();
    });
}
