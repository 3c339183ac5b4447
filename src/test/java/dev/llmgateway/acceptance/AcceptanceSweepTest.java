package dev.llmgateway.acceptance;

import dev.llmgateway.gateway.settings.Stacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code scripts/acceptance-sweep.sh} against stand-in {@code pulumi} and {@code aws} commands that keep a small world
 * in files: stacks (with their update lock and resources), RDS snapshots, KMS keys and the run tags. The stand-ins
 * behave as the real ones do where it matters: a locked stack refuses refresh and destroy (409), a stack with
 * resources refuses {@code stack rm}, destroying a database leaves a final snapshot, a retained KMS key stays.
 */
class AcceptanceSweepTest {

    private static final String KILLED = "acc0a1b2c";
    private static final String RUNNING = "acc3d4e5f";
    private static final String FINISHED_BUT_STOPPED = "acc6a7b8c";

    private static final String PULUMI = """
            #!/usr/bin/env bash
            set -euo pipefail
            W=$FAKE_WORLD
            echo "pulumi $*" >> "$W/log"
            stack=""
            args=("$@")
            for ((i = 0; i < ${#args[@]}; i++)); do [[ "${args[i]}" == --stack ]] && stack=${args[i+1]}; done
            f="$W/stacks/$stack.json"
            locked() { [[ $(jq -r .updateInProgress "$f") == true ]] && { echo "error: [409] Conflict: Another update is currently in progress." >&2; exit 255; }; return 0; }
            case "$1 $2" in
                "stack ls")
                    shopt -s nullglob; files=("$W"/stacks/*.json)
                    if (( ${#files[@]} )); then jq -s '[.[] | {name, lastUpdate, updateInProgress}]' "${files[@]}"; else echo '[]'; fi ;;
                "cancel --yes") jq '.updateInProgress = false' "$f" > "$f.new" && mv "$f.new" "$f" ;;
                "refresh --yes") locked; jq '.resources -= ["pending-create"]' "$f" > "$f.new" && mv "$f.new" "$f" ;;
                "destroy --yes")
                    locked
                    if jq -e '.resources | index("db")' "$f" > /dev/null; then touch "$W/snapshots/llm-$stack-db-final-9f8e7d6"; fi
                    jq '.resources = []' "$f" > "$f.new" && mv "$f.new" "$f" ;;
                "stack rm") [[ $(jq '.resources | length' "$f") == 0 ]] || { echo "error: stack has resources" >&2; exit 255; }; rm "$f" ;;
                *) echo "unexpected: pulumi $*" >&2; exit 2 ;;
            esac
            """;

    private static final String AWS = """
            #!/usr/bin/env bash
            set -euo pipefail
            W=$FAKE_WORLD
            echo "aws $*" >> "$W/log"
            key_arn() { echo "arn:aws:kms:us-east-1:123456789012:key/$1"; }
            case "$1 $2" in
                "rds describe-db-snapshots")
                    prefix=$(sed -n "s/.*starts_with(DBSnapshotIdentifier, '\\([^']*\\)').*/\\1/p" <<< "$*")
                    (ls "$W/snapshots" | grep "^$prefix" || true) | tr '\\n' '\\t'; echo ;;
                "rds describe-db-cluster-snapshots") echo ;;
                "rds delete-db-snapshot") rm "$W/snapshots/$4" ;;
                "rds wait") [[ ! -e "$W/snapshots/$5" ]] ;;
                "resourcegroupstaggingapi get-resources")
                    run=$(sed -n 's/.*Key=acceptance-run,Values=\\([^ ]*\\).*/\\1/p' <<< "$*")
                    for tag in "$W"/tags/*; do
                        read -r arn value < "$tag"
                        if [[ -z "$run" ]]; then
                            [[ "$arn" == *:kms:* ]] && echo "$value"
                        elif [[ "$value" == "$run" && ( "$*" != *kms:key* || "$arn" == *:kms:* ) ]]; then
                            echo "$arn"
                        fi
                    done ;;
                "kms describe-key") cat "$W/keys/${4##*/}" ;;
                "kms schedule-key-deletion") echo PendingDeletion > "$W/keys/${4##*/}" ;;
                *) echo "unexpected: aws $*" >&2; exit 2 ;;
            esac
            """;

    private static void tool(Path bin, String name, String script) throws IOException {
        Path file = bin.resolve(name);
        Files.writeString(file, script);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static void stack(Path world, String name, Duration age, boolean locked, String... resources) throws IOException {
        Files.writeString(world.resolve("stacks/" + name + ".json"), """
                {"name": "acme/%s", "lastUpdate": "%s", "updateInProgress": %s, "resources": [%s]}
                """.formatted(name, Instant.now().minus(age), locked,
                String.join(", ", java.util.Arrays.stream(resources).map(r -> "\"" + r + "\"").toList())));
    }

    private static void key(Path world, String run, String id) throws IOException {
        Files.writeString(world.resolve("keys/" + id), "Enabled\n");
        Files.writeString(world.resolve("tags/" + id), "arn:aws:kms:us-east-1:123456789012:key/" + id + " " + run + "\n");
    }

    private record Sweep(int exitCode, String output, List<String> calls) {
    }

    private static Sweep sweep(Path world, String... args) throws IOException, InterruptedException {
        return sweepWith(PULUMI, world, args);
    }

    /** Runs the sweeper with {@code pulumi} as the stand-in Pulumi CLI. */
    private static Sweep sweepWith(String pulumi, Path world, String... args) throws IOException, InterruptedException {
        Path bin = Files.createDirectories(world.resolve("bin"));
        tool(bin, "pulumi", pulumi);
        tool(bin, "aws", AWS);
        List<String> command = new ArrayList<>(List.of("bash", Stacks.PROJECT.resolve("scripts/acceptance-sweep.sh").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(Stacks.PROJECT.toFile()).redirectErrorStream(true);
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        builder.environment().put("FAKE_WORLD", world.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        List<String> calls = Files.exists(world.resolve("log")) ? Files.readAllLines(world.resolve("log")) : List.of();
        return new Sweep(process.exitValue(), output, calls);
    }

    private static Path world(Path directory) throws IOException {
        for (String folder : List.of("stacks", "snapshots", "keys", "tags")) {
            Files.createDirectories(directory.resolve(folder));
        }
        return directory;
    }

    @Test
    void aRunKilledHalfWayIsDestroyedItsSnapshotDeletedAndItsKeyScheduledOthersAreLeftAlone(@TempDir Path directory)
            throws Exception {
        Path world = world(directory);
        // Killed mid-update five hours ago: the lock is still held, a create was pending, its key exists.
        stack(world, KILLED, Duration.ofHours(5), true, "vpc", "db", "pending-create");
        key(world, KILLED, "1111");
        // Started ten minutes ago, maybe on a colleague's machine.
        stack(world, RUNNING, Duration.ofMinutes(10), true, "vpc");
        key(world, RUNNING, "2222");
        // Destroyed its stack, then stopped before removing the final snapshot and the key.
        Files.writeString(world.resolve("snapshots/llm-" + FINISHED_BUT_STOPPED + "-db-final-1234567"), "");
        key(world, FINISHED_BUT_STOPPED, "3333");
        // Not an acceptance stack at all.
        stack(world, "prod", Duration.ofDays(30), false, "vpc", "db");

        Sweep sweep = sweep(world, "--older-than", "3");

        assertEquals(0, sweep.exitCode(), sweep.output());
        assertFalse(Files.exists(world.resolve("stacks/" + KILLED + ".json")), "the killed run's stack is destroyed and removed");
        try (var snapshots = Files.list(world.resolve("snapshots"))) {
            assertEquals(List.of(), snapshots.toList(), "both final snapshots are gone");
        }
        assertEquals("PendingDeletion", Files.readString(world.resolve("keys/1111")).trim());
        assertEquals("PendingDeletion", Files.readString(world.resolve("keys/3333")).trim());
        assertTrue(Files.exists(world.resolve("stacks/" + RUNNING + ".json")), "a young run is not touched");
        assertEquals("Enabled", Files.readString(world.resolve("keys/2222")).trim());
        assertTrue(Files.exists(world.resolve("stacks/prod.json")), "only acc + 6 hex digits is ever swept");
        // Order: the lock is released before the destroy, the snapshot is gone before the key is scheduled.
        int cancel = indexOf(sweep.calls(), "pulumi cancel --yes --stack " + KILLED);
        int destroy = indexOf(sweep.calls(), "pulumi destroy --yes --skip-preview --stack " + KILLED);
        int snapshotGone = indexOf(sweep.calls(), "aws rds wait db-snapshot-deleted --db-snapshot-identifier llm-" + KILLED);
        int keyScheduled = indexOf(sweep.calls(), "aws kms schedule-key-deletion --key-id arn:aws:kms:us-east-1:123456789012:key/1111");
        assertTrue(cancel >= 0 && cancel < destroy && destroy < snapshotGone && snapshotGone < keyScheduled, String.join("\n", sweep.calls()));
        assertTrue(sweep.calls().stream().filter(c -> c.startsWith("pulumi destroy")).allMatch(c -> c.contains("--config-file")),
                "a run's own config lived in its workspace: the stack file stands in for it");
    }

    @Test
    void theAcceptanceWorkflowsLastStepSweepsItsOwnRunWhateverItsAge(@TempDir Path directory) throws Exception {
        Path world = world(directory);
        stack(world, RUNNING, Duration.ofMinutes(10), true, "vpc", "db");
        key(world, RUNNING, "2222");

        Sweep sweep = sweep(world, "--stack", RUNNING);

        assertEquals(0, sweep.exitCode(), sweep.output());
        assertFalse(Files.exists(world.resolve("stacks/" + RUNNING + ".json")));
        assertEquals("PendingDeletion", Files.readString(world.resolve("keys/2222")).trim());
    }

    @Test
    void aStackThatCannotBeDestroyedKeepsItsKeyAndFailsTheSweep(@TempDir Path directory) throws Exception {
        Path world = world(directory);
        stack(world, KILLED, Duration.ofHours(5), false, "vpc", "db");
        key(world, KILLED, "1111");
        // Its destroy fails (a resource AWS refuses to delete, say).
        String failingDestroy = PULUMI.replace("\"destroy --yes\")\n", "\"destroy --yes\")\n        echo 'error: destroy failed' >&2; exit 255\n");
        assertNotEquals(PULUMI, failingDestroy);

        Sweep sweep = sweepWith(failingDestroy, world, "--stack", KILLED);

        assertNotEquals(0, sweep.exitCode(), sweep.output());
        assertEquals("Enabled", Files.readString(world.resolve("keys/1111")).trim(), "the key outlives a stack it may still encrypt");
        assertTrue(sweep.output().contains("could not destroy the stack"), sweep.output());
    }

    @Test
    void itRefusesAStackThatIsNotAnAcceptanceRun(@TempDir Path directory) throws Exception {
        Path world = world(directory);
        stack(world, "prod", Duration.ofDays(30), false, "vpc");
        Sweep sweep = sweep(world, "--stack", "prod");
        assertNotEquals(0, sweep.exitCode());
        assertTrue(Files.exists(world.resolve("stacks/prod.json")));
    }

    private static int indexOf(List<String> calls, String prefix) {
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}
