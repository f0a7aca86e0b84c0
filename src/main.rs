//! Mounts the app. Everything else lives in the library so native tests can reach it.
fn main() {
    gazette::start();
}
