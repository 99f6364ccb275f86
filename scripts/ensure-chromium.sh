#!/usr/bin/env bash
# What the tests need from Debian: its Chromium, which the app prints PDFs with, its headless shell,
# which Playwright drives (no browser downloads here; the shell is the browser without a window
# system: the same engine at about two thirds of the CPU per test), and pdftotext (poppler-utils),
# which reads PDFs back as a person would. Installed with apt when missing and we are root.
set -euo pipefail
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
shell=/usr/lib/chromium/chromium-headless-shell
missing=()
[ -x "$chromium" ] || missing+=(chromium)
[ -n "${E2E_CHROMIUM_PATH:-}" ] || [ -x "$shell" ] || missing+=(chromium-headless-shell)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "ensure-chromium: ${missing[*]} missing; install with apt-get install ${missing[*]} (or set CHROMIUM_PATH)" >&2
  # Without the headless shell the browser tests drive Chromium itself, more slowly; without
  # pdftotext only the PDF read-back tests are skipped; without Chromium nothing runs.
  [ -x "$chromium" ] && exit 0
  exit 1
fi
echo "ensure-chromium: installing Debian's ${missing[*]} with apt (about a minute)…"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
"$chromium" --version
