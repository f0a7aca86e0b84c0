#!/usr/bin/env bash
# Prints what each piece of the house stack costs a reader, in brotli bytes of wasm + JS glue,
# built the way Gazette's release is (opt-level z, LTO, erase_components, wasm-bindgen, then
# tools/split-wasm.mjs's wasm-opt -Oz and terser; sizes counted by bench/sizes.mjs). Each row
# adds one piece (src/main.rs says which); `strings` and `leptos_i18n` are two ways to add UI
# strings to `meta`. It asserts nothing. Run from anywhere after `./x` has installed the tools:
# bench/stack-floor/measure.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
export PATH="$HOME/.cargo/bin:$root/node_modules/.bin:$PATH"
cd "$here"
# As ../../.cargo/config.toml, whose flags cargo would otherwise merge in, minus the relocations
# only Gazette's splitter needs (wasm-opt cannot shrink a wasm that keeps them).
export RUSTFLAGS="--cfg erase_components"
out="$here/target/measure"
features=(none router data meta strings leptos_i18n)
printf '%-12s %10s %12s %10s %12s\n' variant "wasm raw" "wasm brotli" "js brotli" "total brotli"
for feature in "${features[@]}"; do
  flags=(--release --target wasm32-unknown-unknown --locked --quiet)
  [[ $feature != none ]] && flags+=(--features "$feature")
  cargo build "${flags[@]}"
  rm -rf "$out" && mkdir -p "$out"
  wasm-bindgen --target web --no-typescript --out-dir "$out" target/wasm32-unknown-unknown/release/stack-floor.wasm
  node size.mjs "$out" "$feature" # wasm-opt and terser as in Gazette's build, then the sizes
done
