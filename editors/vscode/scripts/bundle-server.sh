#!/usr/bin/env bash
# Builds the gloss server in release mode and places it under server/ so that `npm run package`
# ships it in the .vsix; the extension uses it when gloss.server.path is not set.
set -euo pipefail
extension=$(cd "$(dirname "$0")/.." && pwd)
repo=$(cd "$extension/../.." && pwd)
cargo build --release --manifest-path "$repo/Cargo.toml"
target_dir=$(cargo metadata --format-version 1 --no-deps --manifest-path "$repo/Cargo.toml" |
  node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).target_directory))')
binary=gloss
case "$(uname -s)" in MINGW* | MSYS* | CYGWIN*) binary=gloss.exe ;; esac
mkdir -p "$extension/server"
cp "$target_dir/release/$binary" "$extension/server/$binary"
echo "placed $extension/server/$binary"
