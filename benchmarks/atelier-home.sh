# Sourced by the benchmarks that talk to a running Atelier (embeddings.sh, speech.sh, smoke.sh): the benchmarks'
# own Atelier, apart from anyone else's on this machine.
#   home  benchmarks/target/atelier-home        ports  ATELIER_BENCH_HTTP_PORT (18181), ATELIER_BENCH_SSH_PORT (18101)
#   key   benchmarks/target/benchmark-admin.key: made once, given to the home at its first start, checked after each
#         start (a home made with another key is said so, not measured with 401s)
# bench_start starts it unless it already runs (then it is left running at exit: smoke.sh starts it once for all).
# Sets: bench_url (…/api/v1), bench_key.
bench_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export ATELIER_HOME=$bench_root/benchmarks/target/atelier-home
export ATELIER_HTTP_PORT=${ATELIER_BENCH_HTTP_PORT:-18181}
export ATELIER_SSH_PORT=${ATELIER_BENCH_SSH_PORT:-18101}
bench_url=http://127.0.0.1:$ATELIER_HTTP_PORT/api/v1
bench_keyfile=$bench_root/benchmarks/target/benchmark-admin.key

bench_start() {
  mkdir -p "$bench_root/benchmarks/target"
  if [ ! -s "$bench_keyfile" ]; then
    (umask 077; head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32 > "$bench_keyfile")
  fi
  bench_key=$(cat "$bench_keyfile")
  if "$bench_root/atelier" status >/dev/null 2>&1; then
    echo "benchmark: using the benchmarks' Atelier already running at $bench_url"
  else
    trap '"$bench_root/atelier" stop >/dev/null 2>&1 || true' EXIT
    ATELIER_ADMIN_KEY=$bench_key "$bench_root/atelier" start
  fi
  local status
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $bench_key" "$bench_url/keys")
  if [ "$status" != 200 ]; then
    echo "benchmark: $bench_url/keys answers $status to the key in $bench_keyfile: $ATELIER_HOME was made with" \
      "another admin key (or is not Atelier); remove $ATELIER_HOME (the benchmarks' own) and run again" >&2
    exit 1
  fi
}
