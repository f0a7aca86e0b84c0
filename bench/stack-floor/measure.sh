#!/usr/bin/env bash
# Prints what each piece of the house stack costs a reader, in brotli bytes of wasm + JS glue,
# built the way Gazette's release is (opt-level z, LTO, erase_components, wasm-bindgen, wasm-opt
# -Oz, terser). Each row adds one piece (src/main.rs says which); `strings` and `leptos_i18n` are
# two ways to add UI strings to `meta`. It asserts nothing. Run from anywhere after `./x` has installed the tools: bench/stack-floor/measure.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
export PATH="$HOME/.cargo/bin:$root/node_modules/.bin:$PATH"
cd "$here"
# As ../../.cargo/config.toml, whose flags cargo would otherwise merge in, minus the relocations
# only Gazette's splitter needs (wasm-opt cannot shrink a wasm that keeps them).
export RUSTFLAGS="--cfg erase_components"
out="$here/target/measure"
# Brotli at its highest quality, as tools/post-build.mjs precompresses.
brotli_size() { node -e 'const z = require("node:zlib"); console.log(z.brotliCompressSync(require("node:fs").readFileSync(process.argv[1]), { params: { [z.constants.BROTLI_PARAM_QUALITY]: 11 } }).length)' "$1"; }
features=(none router data meta strings leptos_i18n)
printf '%-12s %10s %12s %10s %12s\n' variant "wasm raw" "wasm brotli" "js brotli" "total brotli"
for feature in "${features[@]}"; do
  flags=(--release --target wasm32-unknown-unknown --locked --quiet)
  [[ $feature != none ]] && flags+=(--features "$feature")
  cargo build "${flags[@]}"
  rm -rf "$out" && mkdir -p "$out"
  wasm-bindgen --target web --no-typescript --out-dir "$out" target/wasm32-unknown-unknown/release/stack-floor.wasm
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
    --enable-reference-types --enable-multivalue "$out/stack-floor_bg.wasm" -o "$out/stack-floor_bg.wasm"
  terser "$out/stack-floor.js" --module --compress --mangle -o "$out/glue.min.js"
  raw=$(stat -c %s "$out/stack-floor_bg.wasm")
  wasm=$(brotli_size "$out/stack-floor_bg.wasm")
  js=$(brotli_size "$out/glue.min.js")
  awk -v f="$feature" -v r="$raw" -v w="$wasm" -v j="$js" \
    'BEGIN { printf "%-12s %8.1f KB %9.1f KB %7.1f KB %9.1f KB\n", f, r/1000, w/1000, j/1000, (w+j)/1000 }'
done
