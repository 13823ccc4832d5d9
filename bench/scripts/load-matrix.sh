#!/bin/sh
# Runs the load generator against one ndnj forwarder for every transport (tcp, unix, udp, ws), name mode
# (unique, repeat) and window (1, 16, 64), appending one JSON report per run to OUT (default
# bench/target/load-matrix.jsonl). The forwarder runs from the benchmarks jar (the engine and faces it was built
# with) on 127.0.0.1; a first run, not recorded, warms up its JIT. Then: python3 bench/scripts/load-plot.py OUT.
#
#   mvn -B -q -o -pl bench package -DskipTests
#   sh bench/scripts/load-matrix.sh [OUT] [WARMUP_SECONDS] [DURATION_SECONDS]
# Environment: JAR (default bench/target/benchmarks.jar), TRANSPORTS (default "tcp unix udp ws"), WINDOWS
# (default "1 16 64"), FWD_JVM_OPTS (options of the forwarder JVM, after the ndnj launcher's
# -XX:MaxTenuringThreshold=1), PORT_TCP, PORT_UDP, PORT_WS.
set -eu
JAR=${JAR:-bench/target/benchmarks.jar}
OUT=${1:-bench/target/load-matrix.jsonl}
WARMUP=${2:-4}
DURATION=${3:-8}
DIR=$(mktemp -d)
PORT_TCP=${PORT_TCP:-26363}
PORT_UDP=${PORT_UDP:-26363}
PORT_WS=${PORT_WS:-29696}
java -XX:MaxTenuringThreshold=1 ${FWD_JVM_OPTS:-} -cp "$JAR" dev.ndnj.forwarder.cli.NdnjCli fwd --bind 127.0.0.1 --tcp-port "$PORT_TCP" \
  --udp-port "$PORT_UDP" --ws-port "$PORT_WS" --unix-path "$DIR/ndnj.sock" > "$DIR/fwd.log" 2>&1 &
FWD=$!
trap 'kill $FWD 2>/dev/null; wait $FWD 2>/dev/null; rm -rf "$DIR"' EXIT INT TERM
until grep -q "forwarder started" "$DIR/fwd.log"; do
  kill -0 $FWD || { cat "$DIR/fwd.log"; exit 1; }
  sleep 0.2
done
LG="java -cp $JAR dev.ndnj.bench.load.LoadGen --pid $FWD --producer-remote unix://$DIR/ndnj.sock --json"
remote() {
  case $1 in
    tcp) echo "tcp4://127.0.0.1:$PORT_TCP" ;;
    unix) echo "unix://$DIR/ndnj.sock" ;;
    udp) echo "udp4://127.0.0.1:$PORT_UDP" ;;
    ws) echo "ws://127.0.0.1:$PORT_WS/" ;;
  esac
}
# JIT warm-up of the forwarder (not recorded): unique names and CS hits over TCP
$LG --remote "$(remote tcp)" --window 64 --warmup 2 --duration 10 --prefix /warm/u > /dev/null
$LG --remote "$(remote tcp)" --window 64 --names repeat --warmup 2 --duration 5 --prefix /warm/r > /dev/null
for t in ${TRANSPORTS:-tcp unix udp ws}; do
  for names in unique repeat; do
    for w in ${WINDOWS:-1 16 64}; do
      $LG --remote "$(remote $t)" --names "$names" --window "$w" --warmup "$WARMUP" --duration "$DURATION" \
        --prefix "/load/$t/$names/$w" | tee -a "$OUT"
    done
  done
done
