#!/usr/bin/env bash
# A real single-node Apache Kafka broker (KRaft: broker + controller in one JVM) for development
# and tests, run from Apache Kafka's jars on Maven Central. See infra/kafka/README.md.
#
#   bash infra/kafka/kafka.sh fetch    copy the broker's jars into $KAFKA_LIB_DIR (once)
#   bash infra/kafka/kafka.sh start    fetch, format storage (once), start, wait until ready
#   bash infra/kafka/kafka.sh stop     SIGTERM, wait up to 30 s, then SIGKILL
#   bash infra/kafka/kafka.sh status   exit 0 when running, 3 when not
#
# Environment (all optional):
#   KAFKA_PORT (9092)  KAFKA_CONTROLLER_PORT (9093)  KAFKA_HOST (127.0.0.1)
#   KAFKA_WORK_DIR (infra/kafka/.work)  KAFKA_LIB_DIR (infra/kafka/.work/lib)
#   KAFKA_HEAP_OPTS (-Xms128m -Xmx512m)  KAFKA_LOG_LEVEL (WARN)  KAFKA_START_TIMEOUT (90 seconds)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
HOST="${KAFKA_HOST:-127.0.0.1}"
PORT="${KAFKA_PORT:-9092}"
CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
WORK_DIR="$(mkdir -p "${KAFKA_WORK_DIR:-$HERE/.work}" && cd "${KAFKA_WORK_DIR:-$HERE/.work}" && pwd)"
LIB_DIR="${KAFKA_LIB_DIR:-$HERE/.work/lib}"
DATA_DIR="$WORK_DIR/data"
LOGS_DIR="$WORK_DIR/logs"
PID_FILE="$WORK_DIR/kafka.pid"
CONFIG="$WORK_DIR/server.properties"
HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms128m -Xmx512m}"
START_TIMEOUT="${KAFKA_START_TIMEOUT:-90}"

say() { echo "kafka: $*"; }
fail() { echo "kafka: $*" >&2; exit 1; }

require() {
  local tool
  for tool in "$@"; do
    if ! command -v "$tool" >/dev/null 2>&1; then
      echo "kafka: '$tool' is not installed (needed: Java 17+ and Maven 3 with access to Maven Central)." >&2
      exit 2
    fi
  done
}

# Jars are fetched again only when pom.xml changed since the last fetch.
fetch() {
  require java mvn
  local stamp="$LIB_DIR/.pom.sha256" want
  want="$(sha256sum "$HERE/pom.xml" | cut -d' ' -f1)"
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
    return 0
  fi
  say "fetching Apache Kafka jars from Maven Central into $LIB_DIR (first time: about a minute)"
  rm -rf "$LIB_DIR"
  mkdir -p "$LIB_DIR"
  local out="$LIB_DIR/.mvn.out"
  if ! mvn -B -Dstyle.color=never -f "$HERE/pom.xml" dependency:copy-dependencies \
    -DoutputDirectory="$LIB_DIR" >"$out" 2>&1; then
    grep -E 'ERROR|FAIL' "$out" >&2 || tail -n 40 "$out" >&2
    fail "maven could not fetch the broker's jars (full output in $out)"
  fi
  echo "$want" >"$stamp"
}

running_pid() {
  [[ -f "$PID_FILE" ]] || return 1
  local pid
  pid="$(cat "$PID_FILE")"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  alive "$pid" || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'kafka\.Kafka' || return 1
  echo "$pid"
}

# A zombie (a child of this shell that has exited) counts as gone.
alive() { kill -0 "$1" 2>/dev/null && [[ "$(ps -o stat= -p "$1" 2>/dev/null)" != Z* ]]; }

port_open() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }

write_config() {
  mkdir -p "$DATA_DIR" "$LOGS_DIR"
  {
    cat "$HERE/server.properties"
    echo
    echo "# ---- written by kafka.sh from KAFKA_HOST/KAFKA_PORT/KAFKA_CONTROLLER_PORT/KAFKA_WORK_DIR ----"
    echo "controller.quorum.bootstrap.servers=$HOST:$CONTROLLER_PORT"
    echo "listeners=PLAINTEXT://$HOST:$PORT,CONTROLLER://$HOST:$CONTROLLER_PORT"
    echo "advertised.listeners=PLAINTEXT://$HOST:$PORT,CONTROLLER://$HOST:$CONTROLLER_PORT"
    echo "log.dirs=$DATA_DIR"
  } >"$CONFIG"
}

java_opts() {
  # shellcheck disable=SC2206
  local heap=($HEAP_OPTS)
  JAVA_OPTS=("${heap[@]}" -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:+ExitOnOutOfMemoryError
    -Djava.awt.headless=true
    -Dlog4j2.configurationFile="$HERE/log4j2.properties"
    -Dkafka.logs.dir="$LOGS_DIR" -Dkafka.log.level="${KAFKA_LOG_LEVEL:-WARN}"
    -cp "$LIB_DIR/*")
}

# KRaft storage is formatted once per data directory, with a cluster id of its own.
format_storage() {
  [[ -f "$DATA_DIR/meta.properties" ]] && return 0
  local cluster_id
  cluster_id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
  say "formatting KRaft storage in $DATA_DIR (cluster id $cluster_id)"
  java "${JAVA_OPTS[@]}" kafka.tools.StorageTool format --standalone --ignore-formatted \
    -t "$cluster_id" -c "$CONFIG" >"$LOGS_DIR/format.out" 2>&1 \
    || { cat "$LOGS_DIR/format.out" >&2; fail "formatting storage failed"; }
}

start() {
  local pid
  if pid="$(running_pid)"; then
    say "already running (pid $pid) on $HOST:$PORT"
    return 0
  fi
  rm -f "$PID_FILE"
  fetch
  if port_open "$PORT" || port_open "$CONTROLLER_PORT"; then
    fail "port $PORT or $CONTROLLER_PORT on $HOST is taken by another process; set KAFKA_PORT / KAFKA_CONTROLLER_PORT"
  fi
  write_config
  java_opts
  format_storage

  local log="$LOGS_DIR/server.log" out="$LOGS_DIR/kafka.out" offset=0 began=$SECONDS
  [[ -f "$log" ]] && offset="$(wc -c <"$log")"
  # setsid: the broker outlives the shell (and the test run) that started it.
  # 9>&-: the broker must not inherit (and so hold) the start/stop lock.
  setsid nohup java "${JAVA_OPTS[@]}" kafka.Kafka "$CONFIG" >"$out" 2>&1 </dev/null 9>&- &
  pid=$!
  echo "$pid" >"$PID_FILE"
  say "starting (pid $pid), waiting up to ${START_TIMEOUT}s"

  until port_open "$PORT" && tail -c +"$((offset + 1))" "$log" 2>/dev/null | grep -q 'Kafka Server started'; do
    if ! alive "$pid"; then
      rm -f "$PID_FILE"
      tail -n 40 "$out" "$log" >&2 2>/dev/null || true
      fail "the broker exited during start-up (logs in $LOGS_DIR)"
    fi
    if ((SECONDS - began >= START_TIMEOUT)); then
      tail -n 40 "$out" "$log" >&2 2>/dev/null || true
      stop >&2
      fail "the broker was not ready after ${START_TIMEOUT}s (logs in $LOGS_DIR)"
    fi
    sleep 0.5
  done
  say "ready in $((SECONDS - began))s: KAFKA_BROKERS=$HOST:$PORT (controller $HOST:$CONTROLLER_PORT)"
  say "data in $DATA_DIR, logs in $LOGS_DIR; stop with: npm run kafka:stop"
}

stop() {
  local pid waited=0
  if ! pid="$(running_pid)"; then
    rm -f "$PID_FILE"
    say "not running"
    return 0
  fi
  say "stopping (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  while alive "$pid"; do
    if ((waited >= 60)); then
      say "no clean shutdown after 30s, killing"
      kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.5
    waited=$((waited + 1))
  done
  while alive "$pid"; do sleep 0.2; done
  rm -f "$PID_FILE"
  say "stopped"
}

status() {
  local pid
  if pid="$(running_pid)"; then
    say "running (pid $pid): KAFKA_BROKERS=$HOST:$PORT, data in $DATA_DIR"
    return 0
  fi
  say "not running"
  return 3
}

# start and stop take turns (concurrent test workers may both ask for a broker).
# (Without flock, e.g. on macOS, they run unlocked.)
lock() {
  command -v flock >/dev/null 2>&1 || return 0
  exec 9>"$WORK_DIR/.lock"
  flock -w 120 9 || fail "another kafka.sh start/stop holds $WORK_DIR/.lock"
}

case "${1:-}" in
  fetch) fetch && say "jars in $LIB_DIR" ;;
  start) require java mvn && lock && start ;;
  stop) lock && stop ;;
  status) status ;;
  *)
    echo "usage: bash infra/kafka/kafka.sh fetch|start|stop|status" >&2
    exit 64
    ;;
esac
