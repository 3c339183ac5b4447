# Runs one task of $TASK_DEFINITION to completion and succeeds only when its container $CONTAINER exits 0. This is
# what a OneOffTask's command:local:Command runs on the machine that runs `pulumi up` (its environment names the
# task); a non-zero exit fails `pulumi up` at that resource, and what depends on it (the services) is not updated.
# Needs the AWS CLI (v1 or v2) and credentials allowed ecs:RunTask, ecs:DescribeTasks and iam:PassRole on the task's
# two roles; logs:GetLogEvents is optional (the last lines of a failed task's log are printed when allowed).
set -eu
tab=$(printf '\t')
run=$(aws ecs run-task --region "$REGION" --cluster "$CLUSTER" --task-definition "$TASK_DEFINITION" \
  --launch-type FARGATE --count 1 --started-by "$STARTED_BY" \
  --network-configuration "awsvpcConfiguration={subnets=[$SUBNETS],securityGroups=[$SECURITY_GROUPS],assignPublicIp=DISABLED}" \
  --query '[tasks[0].taskArn, failures[0].reason]' --output text)
arn=${run%%"$tab"*}
if [ -z "$arn" ] || [ "$arn" = "None" ]; then
  echo "$FAMILY: ECS did not start the task: ${run#*"$tab"}" >&2
  exit 1
fi
id=${arn##*/}
echo "$FAMILY: started task $id"
waited=0
while :; do
  state=$(aws ecs describe-tasks --region "$REGION" --cluster "$CLUSTER" --tasks "$arn" \
    --query "tasks[0].[lastStatus, containers[?name=='$CONTAINER'] | [0].exitCode, stoppedReason]" --output text)
  status=${state%%"$tab"*}
  if [ "$status" = "STOPPED" ]; then
    break
  fi
  if [ "$waited" -ge "$TIMEOUT_SECONDS" ]; then
    aws ecs stop-task --region "$REGION" --cluster "$CLUSTER" --task "$arn" --reason "no result within ${TIMEOUT_SECONDS}s" >/dev/null || true
    echo "$FAMILY: task $id was still $status after ${TIMEOUT_SECONDS}s and was stopped; log group $LOG_GROUP, stream $CONTAINER/$CONTAINER/$id" >&2
    exit 1
  fi
  sleep "$POLL_SECONDS"
  waited=$((waited + POLL_SECONDS))
done
rest=${state#*"$tab"}
code=${rest%%"$tab"*}
reason=${rest#*"$tab"}
if [ "$code" = "0" ]; then
  echo "$FAMILY: task $id succeeded"
  exit 0
fi
if [ "$code" = "None" ]; then
  echo "$FAMILY: task $id stopped before $CONTAINER ran to the end ($reason); log group $LOG_GROUP, stream $CONTAINER/$CONTAINER/$id" >&2
else
  echo "$FAMILY: task $id failed: $CONTAINER exited with code $code ($reason); log group $LOG_GROUP, stream $CONTAINER/$CONTAINER/$id" >&2
fi
aws logs get-log-events --region "$REGION" --log-group-name "$LOG_GROUP" --log-stream-name "$CONTAINER/$CONTAINER/$id" \
  --limit 30 --query 'events[].message' --output text 2>/dev/null | tr '\t' '\n' | sed 's/^/  /' >&2 || true
exit 1
