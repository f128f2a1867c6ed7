#!/usr/bin/env bash
# Redraws docs/checkin-follow-up.png: a fix taken, assigned, done and followed up in the playground (the real Block Kit
# the app posts, drawn by the playground's page in headless Chromium), on the tests' fixed clock and demo data.
set -euo pipefail
cd "$(dirname "$0")/.."
TIKTOKBOT_WRITE_DOCS_PICTURES=1 dotnet test tests/TikTokBot.Web.Tests \
  --filter "FullyQualifiedName~PlaygroundCheckinBrowserTests" --logger "console;verbosity=minimal"
ls -l docs/checkin-follow-up.png
