#!/usr/bin/env bash
# Redraws the pictures the README shows (docs/images/) from the ready-made
# queries in Queries/ and the schema of the bundled graph.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
swift build -c release --product kizuna
bin=.build/release/kizuna
mkdir -p docs/images
for name in who-met-whom sister-cities dialogues partnership-timeline path-between-officials; do
  $bin render "Queries/$name.cypher" -o "docs/images/$name.png"
done
$bin path "Truong Thi Mai" "Vo Van Thuong" --via MET,HOLDS,OFFICE_OF -o docs/images/path-truong-thi-mai-vo-van-thuong.png >/dev/null
$bin schema -o docs/images/schema.png >/dev/null
