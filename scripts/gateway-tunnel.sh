#!/usr/bin/env bash
# Opens http://localhost:4000 (the LiteLLM API and its admin UI at /ui) on a stack with accessMode private:
# finds a running task of the stack's proxy service and starts an SSM port-forwarding session into it
# through ECS Exec. Needs the AWS CLI, the Session Manager plugin, and credentials allowed to call
# ecs:ListTasks, ecs:DescribeTasks, ssm:StartSession on the task and kms:GenerateDataKey on the stack key.
#
#   scripts/gateway-tunnel.sh [stack] [local-port]      (default: the selected Pulumi stack, port 4000)
#
# The target of a port-forwarding session into an ECS task is ecs:<cluster>_<task id>_<container runtime id>
# (AWS Systems Manager / ECS Exec port forwarding, AWS-StartPortForwardingSession document).
set -euo pipefail

stack_args=()
if [[ $# -ge 1 && -n "$1" ]]; then
  stack_args=(--stack "$1")
fi
local_port="${2:-4000}"
container_port=4000

cluster=$(pulumi stack output clusterName ${stack_args[@]+"${stack_args[@]}"})
service=$(pulumi stack output serviceName ${stack_args[@]+"${stack_args[@]}"})
region=$(pulumi config get aws:region ${stack_args[@]+"${stack_args[@]}"})

task_arn=$(aws ecs list-tasks --region "$region" --cluster "$cluster" --service-name "$service" \
  --desired-status RUNNING --query 'taskArns[0]' --output text)
if [[ -z "$task_arn" || "$task_arn" == "None" ]]; then
  echo "No running task in service $service (outside office hours the service runs none)." >&2
  exit 1
fi
task_id="${task_arn##*/}"
runtime_id=$(aws ecs describe-tasks --region "$region" --cluster "$cluster" --tasks "$task_arn" \
  --query "tasks[0].containers[?name=='litellm'].runtimeId | [0]" --output text)
if [[ -z "$runtime_id" || "$runtime_id" == "None" ]]; then
  # list-tasks --desired-status RUNNING also lists tasks still starting (around the start of office hours).
  echo "Task ${task_id} is still starting (its litellm container has no runtime id yet); try again in a minute." >&2
  exit 1
fi

echo "Forwarding http://localhost:${local_port} -> task ${task_id} port ${container_port}; Ctrl-C stops."
exec aws ssm start-session --region "$region" \
  --target "ecs:${cluster}_${task_id}_${runtime_id}" \
  --document-name AWS-StartPortForwardingSession \
  --parameters "{\"portNumber\":[\"${container_port}\"],\"localPortNumber\":[\"${local_port}\"]}"
