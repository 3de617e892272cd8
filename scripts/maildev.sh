#!/usr/bin/env bash
# maildev (npm, 3.0.0): a local SMTP server that keeps every message it receives and shows them through
# a REST API. Used by the mail tests, the browser test and the dispatch benchmark (adapted from the
# team recipe; the repo carries its own copy).
#
#   bash scripts/maildev.sh install                  # npm install into .tools/maildev (gitignored), once
#   eval "$(bash scripts/maildev.sh start [SMTP_PORT [WEB_PORT]])"
#        # installs if missing, starts on 127.0.0.1 (free ports when not given), waits until the API answers,
#        # then prints: export MAILDEV_PID=… MAILDEV_SMTP_PORT=… MAILDEV_WEB_PORT=… MAILDEV_TMP=… MAILDEV_LOG=…
#        # (MAILDEV_TMP: a new folder under /tmp holding this server's log and received messages)
#   bash scripts/maildev.sh stop "$MAILDEV_PID" ["$MAILDEV_TMP"]
#
# Env: MAILDEV_DIR (install directory, default .tools/maildev at the repo root). Needs node and npm (maildev 3 wants node ≥ 18; on node 20 npm prints
# EBADENGINE warnings only).
#
# REST API of maildev 3 (everything under /api; the /email routes of maildev 2 answer 404):
#   GET    /api/healthz                     -> true
#   GET    /api/email                       -> JSON array (id, subject, from[], to[], text, html, attachments[],
#                                              headers, envelope, time); filters: ?to.address=x@y  ?limit=N&sort=desc
#   GET    /api/email/{id}                  -> one message (JSON); the text/calendar part is listed in attachments[]
#   GET    /api/email/{id}/source           -> the raw RFC 822 message
#   GET    /api/email/{id}/attachment/{generatedFileName}
#   DELETE /api/email/{id}    DELETE /api/email/all
#   Web UI: http://127.0.0.1:WEB_PORT/index.html
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DIR=${MAILDEV_DIR:-$ROOT/.tools/maildev}
VERSION=3.0.0
BIN=$DIR/node_modules/.bin/maildev

installed() { [ -x "$BIN" ] && grep -q "\"version\": \"$VERSION\"" "$DIR/node_modules/maildev/package.json" 2>/dev/null; }

install() {
  installed && return 0
  command -v npm >/dev/null || { echo "maildev.sh: npm not found (install node and npm)" >&2; return 1; }
  mkdir -p "$DIR"
  [ -f "$DIR/package.json" ] || printf '{ "name": "benchmark-maildev", "private": true }\n' >"$DIR/package.json"
  (cd "$DIR" && npm install --no-audit --no-fund --loglevel=error "maildev@$VERSION" >&2)
}

api_up() { # curl when present, else node (always there: maildev runs on it)
  if command -v curl >/dev/null; then curl -sf "http://127.0.0.1:$1/api/healthz" >/dev/null 2>&1
  else node -e "fetch('http://127.0.0.1:$1/api/healthz').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"; fi
}
port_free() { # nothing listens there (ss when present: it also sees sockets bound but not yet accepting)
  if command -v ss >/dev/null; then ! ss -Htan "sport = :$1" 2>/dev/null | grep -q .
  else ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; fi
}
free_port() { # first free port from $1 upwards, skipping $2
  local p
  for ((p = $1; p < $1 + 500; p++)); do
    [ "$p" != "${2:-}" ] && port_free "$p" && { echo "$p"; return; }
  done
  return 1
}

cmd=${1:-}
case "$cmd" in
install) install ;;
start)
  install
  # Free ports are looked for, not reserved: another process may take one first. Then, unless the ports were
  # given, try again on others. The ports are looked for below the kernel's ephemeral range (32768-60999 by
  # default), where no outgoing connection takes one as its local port between the check and the bind.
  for attempt in 1 2 3 4 5; do
    SMTP=${2:-$(free_port $((21025 + 10 * (attempt - 1))))}
    WEB=${3:-$(free_port $((21080 + 10 * (attempt - 1))) "$SMTP")}
    # Each server its own folder: maildev's default (/tmp/maildev) would be shared by every instance.
    TMP=$(mktemp -d /tmp/benchmark-maildev.XXXXXX)
    LOG=$TMP/maildev.log
    # setsid: the server does not belong to the caller's process group nor receive its terminal's signals.
    setsid "$BIN" --ip 127.0.0.1 --web-ip 127.0.0.1 -s "$SMTP" -w "$WEB" --mail-directory "$TMP/mail" </dev/null >"$LOG" 2>&1 &
    pid=$!
    for _ in $(seq 1 100); do
      # Ready when it says so: an API answering on WEB could be another server's.
      if grep -q "running at http://127.0.0.1:$WEB" "$LOG" && ! port_free "$SMTP" && api_up "$WEB" \
        && sleep 0.3 && kill -0 "$pid" 2>/dev/null; then
        echo "export MAILDEV_PID='$pid' MAILDEV_SMTP_PORT='$SMTP' MAILDEV_WEB_PORT='$WEB' MAILDEV_TMP='$TMP' MAILDEV_LOG='$LOG'"
        exit 0
      fi
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.2
    done
    log_text=$(cat "$LOG")
    echo "maildev.sh: maildev did not start (SMTP $SMTP, API $WEB): $log_text" >&2
    kill "$pid" 2>/dev/null || true
    rm -rf "$TMP"
    # Ports given, or another failure than a port taken meanwhile: trying again would not help.
    if [ -n "${2:-}" ] || ! grep -q EADDRINUSE <<<"$log_text"; then exit 1; fi
  done
  exit 1
  ;;
stop)
  pid=${2:-${MAILDEV_PID:-}}
  tmp=${3:-}
  [ -n "$pid" ] || { echo "usage: $0 stop PID [MAILDEV_TMP]" >&2; exit 2; }
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
  case "$tmp" in /tmp/benchmark-maildev.*) rm -rf "$tmp" ;; esac
  ;;
*) echo "usage: $0 install | start [SMTP_PORT [WEB_PORT]] | stop PID [MAILDEV_TMP]" >&2; exit 2 ;;
esac
