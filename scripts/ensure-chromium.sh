#!/usr/bin/env bash
# What the tests need from Debian: a Chromium, which the app prints PDFs with and Playwright drives
# (no browser downloads here), and pdftotext (poppler-utils), which reads PDFs back as a person
# would. The Chromium is CHROMIUM_PATH when set, else the headless shell (package
# chromium-headless-shell: the same engine without a window system, a third less CPU per browser
# test and a quarter of the time per printed report), else /usr/bin/chromium — the order the app
# uses (lib/report/print-pdf.ts). Installed with apt when missing and we are root.
set -euo pipefail
shell=/usr/lib/chromium/chromium-headless-shell
missing=()
if [ -n "${CHROMIUM_PATH:-}" ]; then
  [ -x "$CHROMIUM_PATH" ] || { echo "ensure-chromium: CHROMIUM_PATH=$CHROMIUM_PATH is not an executable" >&2; exit 1; }
else
  [ -x "$shell" ] || missing+=(chromium-headless-shell)
fi
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "ensure-chromium: ${missing[*]} missing; install with apt-get install ${missing[*]} (or set CHROMIUM_PATH)" >&2
  # Without the headless shell Chromium itself serves, more slowly; without pdftotext only the
  # PDF read-back tests are skipped; without any Chromium nothing runs.
  [ -x "$shell" ] || [ -x /usr/bin/chromium ] || [ -n "${CHROMIUM_PATH:-}" ]
  exit $?
fi
echo "ensure-chromium: installing Debian's ${missing[*]} with apt (about a minute)…"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
[ -n "${CHROMIUM_PATH:-}" ] || "$shell" --version
