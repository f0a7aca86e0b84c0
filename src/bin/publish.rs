//! `./x publish`: see `gazette::publish` and README, "Publishing". Native only; the WebAssembly
//! build has nothing to publish.
#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    gazette::publish()
}

#[cfg(target_arch = "wasm32")]
fn main() {}
