# Runs in the `ollama` sidecar (entry point `/bin/sh -c`, model name as $OLLAMA_PULL_MODEL).
# Starts the server, pulls the model (a no-op when it is already in $OLLAMA_MODELS) and waits. The shell is
# PID 1, which ignores SIGTERM unless it traps it: the trap forwards ECS's SIGTERM to the server, so the
# task stops at once instead of after the stop timeout's SIGKILL. Long steps run in the background so the
# trap fires while they run.
set -u
ollama serve &
server=$!
trap 'kill -TERM "$server" 2>/dev/null' TERM INT
until ollama list > /dev/null 2>&1; do
    kill -0 "$server" 2>/dev/null || exit 1
    sleep 1
done
ollama pull "$OLLAMA_PULL_MODEL" &
wait $! || { kill -TERM "$server" 2>/dev/null; wait "$server"; exit 1; }
while kill -0 "$server" 2>/dev/null; do
    wait "$server"
done
