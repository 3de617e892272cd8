#!/usr/bin/env bash
# Copies the front-end dist files (DSFR, htmx, Chart.js) from node_modules into wwwroot/lib, served locally (no CDN).
# Run by the build (Benchmark.Web.csproj, target FrontEndAssets) after `npm ci` when wwwroot/lib is missing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
NM=node_modules; W=wwwroot/lib; D="$NM/@gouvfr/dsfr/dist"
rm -rf "$W.tmp"; mkdir -p "$W.tmp/dsfr/utility/icons" "$W.tmp/htmx" "$W.tmp/chartjs"
cp "$D/dsfr.min.css" "$D/dsfr.module.min.js" "$D/dsfr.nomodule.min.js" "$W.tmp/dsfr/"
cp -r "$D/fonts" "$D/icons" "$D/favicon" "$W.tmp/dsfr/"
cp "$D/utility/icons/icons.min.css" "$W.tmp/dsfr/utility/icons/"
mkdir -p "$W.tmp/dsfr/artwork" && cp -r "$D/artwork/pictograms" "$W.tmp/dsfr/artwork/" 2>/dev/null || true
cp "$NM/htmx.org/dist/htmx.min.js" "$W.tmp/htmx/"
cp "$NM/chart.js/dist/chart.umd.min.js" "$W.tmp/chartjs/"
rm -rf "$W"; mv "$W.tmp" "$W"
