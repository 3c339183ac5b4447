#!/usr/bin/env bash
# Removes what acceptance runs left behind: their throw-away stacks (named acc + 6 hex digits), the final snapshots
# their databases kept, and their customer-managed KMS keys, which a destroy retains by design (the snapshot is
# encrypted with it): each key is scheduled for deletion once no snapshot of its run is left. Whatever else still
# carries the run's tag (acceptance-run=<stack>) is listed for removal by hand.
#
#   scripts/acceptance-sweep.sh [--older-than HOURS] [--stack NAME]... [--config-file FILE]
#
#   --older-than HOURS  only stacks last updated more than HOURS ago (default 3: longer than any run, so a run in
#                       progress elsewhere is left alone)
#   --stack NAME        this run only, whatever its age (the acceptance workflow's last step); repeatable
#   --config-file FILE  the stack file the runs used (default src/test/resources/acceptance/public.yaml): a run's own
#                       stack config lived in the workspace that ran it
#
# Run from the project directory with the Pulumi CLI logged in to the runs' backend and AWS credentials for their
# account and region. A run killed half-way holds its stack's update lock: it is cancelled first. Exits non-zero when
# a stack, snapshot or key could not be removed. SweeperTest runs it against stand-in `pulumi` and `aws` commands.
set -euo pipefail

older_than_hours=3
config_file=src/test/resources/acceptance/public.yaml
stacks=()
while (( $# > 0 )); do
    case "$1" in
        --older-than) older_than_hours=$2; shift 2 ;;
        --stack) stacks+=("$2"); shift 2 ;;
        --config-file) config_file=$2; shift 2 ;;
        *) echo "usage: $0 [--older-than HOURS] [--stack NAME]... [--config-file FILE]" >&2; exit 2 ;;
    esac
done
if [[ ! "$older_than_hours" =~ ^[0-9]+$ ]]; then
    echo "--older-than takes whole hours, got '$older_than_hours'" >&2
    exit 2
fi

RUN_NAME='^acc[0-9a-f]{6}$'
TAG=acceptance-run
status=0

# The runs to sweep: stacks of this project last updated before the cutoff, and runs whose stack is gone but whose
# final snapshot or KMS key is still there (a run stopped after its destroy). A run whose stack is younger is left
# alone: it may still be running elsewhere (its stack exists from its first moment).
if (( ${#stacks[@]} == 0 )); then
    cutoff=$(( $(date +%s) - older_than_hours * 3600 ))
    declare -A young=() listed=()
    while IFS=$'\t' read -r name last busy; do
        name=${name##*/}
        [[ "$name" =~ $RUN_NAME ]] || continue
        listed[$name]=1
        updated=$(date -d "$last" +%s 2>/dev/null || echo 0)
        if (( updated < cutoff )); then
            stacks+=("$name")
        else
            young[$name]=1
            echo "$name: last updated $last, younger than ${older_than_hours}h: left alone (update in progress: $busy)"
        fi
    done < <(pulumi stack ls --json | jq -r '.[] | [.name, (.lastUpdate // "1970-01-01T00:00:00Z"), (.updateInProgress // false)] | @tsv')
    leftover_runs=$( {
        aws resourcegroupstaggingapi get-resources --tag-filters "Key=$TAG" --resource-type-filters kms:key \
            --query "ResourceTagMappingList[].Tags[?Key=='$TAG'].Value[]" --output text
        aws rds describe-db-snapshots --output text \
            --query "DBSnapshots[?starts_with(DBSnapshotIdentifier, 'llm-acc')].DBSnapshotIdentifier"
        aws rds describe-db-cluster-snapshots --output text \
            --query "DBClusterSnapshots[?starts_with(DBClusterSnapshotIdentifier, 'llm-acc')].DBClusterSnapshotIdentifier"
    } | tr -s '[:space:]' '\n' | sed -n 's/^\(llm-\)\{0,1\}\(acc[0-9a-f]\{6\}\)\(-db-final.*\)\{0,1\}$/\2/p' | sort -u)
    for run in $leftover_runs; do
        if [[ -z "${listed[$run]:-}" && -z "${young[$run]:-}" ]]; then
            stacks+=("$run")
        fi
    done
fi

# Each step below ends with `|| return 1`: inside a function called as an `if` condition, `set -e` is off.

# Destroys a run's stack and removes it; a missing stack (already removed) is fine.
sweep_stack() {
    local run=$1 listed
    listed=$(pulumi stack ls --json | jq -r --arg run "$run" '.[] | select((.name | split("/") | last) == $run) | (.updateInProgress // false)') || return 1
    if [[ -z "$listed" ]]; then
        echo "$run: no stack (already removed)"
        return 0
    fi
    if [[ "$listed" == "true" ]]; then
        echo "$run: cancelling the update a killed run left in progress"
        pulumi cancel --yes --stack "$run" || return 1
    fi
    # Resources a killed run was creating are in the state as pending; refresh drops those that never came to be.
    pulumi refresh --yes --skip-preview --clear-pending-creates --stack "$run" --config-file "$config_file" || return 1
    pulumi destroy --yes --skip-preview --stack "$run" --config-file "$config_file" || return 1
    pulumi stack rm --yes --stack "$run" || return 1
    echo "$run: stack destroyed and removed"
}

# Deletes the final snapshots the run's database kept (RDS instance or Aurora cluster) and waits until they are gone.
sweep_snapshots() {
    local run=$1 prefix="llm-$1-db-final" snapshot found
    found=$(aws rds describe-db-snapshots --output text \
        --query "DBSnapshots[?starts_with(DBSnapshotIdentifier, '$prefix')].DBSnapshotIdentifier") || return 1
    for snapshot in $found; do
        [[ "$snapshot" == None ]] && continue
        aws rds delete-db-snapshot --db-snapshot-identifier "$snapshot" > /dev/null || return 1
        aws rds wait db-snapshot-deleted --db-snapshot-identifier "$snapshot" || return 1
        echo "$run: final snapshot $snapshot deleted"
    done
    found=$(aws rds describe-db-cluster-snapshots --output text \
        --query "DBClusterSnapshots[?starts_with(DBClusterSnapshotIdentifier, '$prefix')].DBClusterSnapshotIdentifier") || return 1
    for snapshot in $found; do
        [[ "$snapshot" == None ]] && continue
        aws rds delete-db-cluster-snapshot --db-cluster-snapshot-identifier "$snapshot" > /dev/null || return 1
        aws rds wait db-cluster-snapshot-deleted --db-cluster-snapshot-identifier "$snapshot" || return 1
        echo "$run: final snapshot $snapshot deleted"
    done
}

# Schedules the run's KMS keys for deletion (the shortest window, 7 days) once its snapshots are gone.
sweep_keys() {
    local run=$1 key keys state
    keys=$(aws resourcegroupstaggingapi get-resources --tag-filters "Key=$TAG,Values=$run" --resource-type-filters kms:key \
        --query 'ResourceTagMappingList[].ResourceARN' --output text) || return 1
    for key in $keys; do
        [[ "$key" == None ]] && continue
        state=$(aws kms describe-key --key-id "$key" --query KeyMetadata.KeyState --output text) || return 1
        [[ "$state" == PendingDeletion ]] && continue
        aws kms schedule-key-deletion --key-id "$key" --pending-window-in-days 7 > /dev/null || return 1
        echo "$run: KMS key $key scheduled for deletion in 7 days"
    done
}

# Lists what else still carries the run's tag (a resource a killed run created after its state was last written).
report_leftovers() {
    local run=$1 arn
    for arn in $(aws resourcegroupstaggingapi get-resources --tag-filters "Key=$TAG,Values=$run" \
            --query 'ResourceTagMappingList[].ResourceARN' --output text); do
        [[ "$arn" == None || "$arn" == arn:*:kms:* ]] && continue
        echo "::warning::$run: $arn is still tagged $TAG=$run (not in its stack's state): check it and delete it by hand"
    done
}

for run in "${stacks[@]}"; do
    if [[ ! "$run" =~ $RUN_NAME ]]; then
        echo "$run is not an acceptance stack (acc + 6 hex digits): refusing to touch it" >&2
        status=1
        continue
    fi
    if ! sweep_stack "$run"; then
        echo "$run: could not destroy the stack; its snapshots and keys are kept until it is gone" >&2
        status=1
        continue
    fi
    if sweep_snapshots "$run"; then
        sweep_keys "$run" || status=1
    else
        echo "$run: a final snapshot could not be deleted; its KMS key is kept (the snapshot needs it)" >&2
        status=1
    fi
    report_leftovers "$run" || true
done
(( ${#stacks[@]} > 0 )) || echo "no stale acceptance stacks"
exit $status
