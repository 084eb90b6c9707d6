#!/usr/bin/env bash
# Run by `make test` before pytest: the browser tests drive Debian's Chromium (Playwright never
# downloads a browser).  When it is missing, install it as .ci/run does if we are root and have
# apt-get; otherwise say in one line why the browser tests will skip and what installs it.
# Never fails: the rest of the suite runs either way.  WIRECODER_NO_APT=1 skips the install.
chromium="${WIRECODER_CHROMIUM:-/usr/bin/chromium}"
[ -x "$chromium" ] && exit 0

how="sudo apt-get install chromium"
if [ "$(id -u)" = 0 ] && [ -z "${WIRECODER_NO_APT:-}" ] && command -v apt-get >/dev/null 2>&1; then
  echo "make test: installing Debian's chromium for the browser tests (apt-get install chromium)..." >&2
  if (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null 2>&1 \
     && [ -x "$chromium" ]; then
    exit 0
  fi
  echo "make test: could not install chromium with apt-get; the browser tests will skip (try: $how)" >&2
  exit 0
fi
echo "make test: no Chromium at $chromium, so the browser tests will skip; install it with: $how" >&2
exit 0
