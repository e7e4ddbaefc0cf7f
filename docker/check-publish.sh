#!/usr/bin/env bash
# Builds exactly the publish output that docker/Dockerfile builds (the widget bundle with npm, then
# dotnet publish with SkipWidgetBuild=true), in a temporary folder, and checks what the image needs.
# No Docker engine is required. Usage: bash docker/check-publish.sh
set -euo pipefail
cd "$(dirname "$0")/.."

out=$(mktemp -d "${TMPDIR:-/tmp}/crisiscomms-publish-XXXXXX")
trap 'rm -rf "$out"' EXIT

# Stage "widget" of the Dockerfile.
(cd src/CrisisComms.Widget && npm ci --no-audit --no-fund && npm run build)

# Stage "publish" of the Dockerfile.
dotnet publish src/CrisisComms.Server -c Release -o "$out" -p:SkipWidgetBuild=true

missing=0
for file in CrisisComms.Server.dll wwwroot/widget/crisis-banner.js wwwroot/widget/signalr.js wwwroot/demo/public.html; do
  if [ -s "$out/$file" ]; then
    echo "ok      $file"
  else
    echo "MISSING $file" >&2
    missing=1
  fi
done
if [ "$missing" -ne 0 ]; then
  echo "The publish output lacks what the image serves; the Dockerfile would build a broken image." >&2
  exit 1
fi
echo "publish output as in docker/Dockerfile: OK ($(du -sh "$out" | cut -f1))"
