#!/usr/bin/env bash
# Sets up a fresh machine, builds Kizuna, and runs the main job on the bundled
# Vietnam–Japan graph: who met whom, and the sister-city network drawn to PNG.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
swift build -c release --product kizuna
bin=.build/release/kizuna
mkdir -p out
$bin query --format table Queries/who-met-whom.cypher
$bin query --format table Queries/sister-cities.cypher
if $bin render --help >/dev/null 2>&1; then
  $bin render Queries/sister-cities.cypher -o out/sister-cities.png && echo "wrote out/sister-cities.png"
fi
