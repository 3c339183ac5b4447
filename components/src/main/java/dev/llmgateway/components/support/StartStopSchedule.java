package dev.llmgateway.components.support;

import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.scheduler.Schedule;
import com.pulumi.aws.scheduler.ScheduleArgs;
import com.pulumi.aws.scheduler.inputs.ScheduleFlexibleTimeWindowArgs;
import com.pulumi.aws.scheduler.inputs.ScheduleTargetArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.llmgateway.components.naming.NameRule;
import dev.llmgateway.components.naming.PhysicalName;
import dev.llmgateway.components.support.PolicyDocument.Statement;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts one resource at a cron and stops it at another through EventBridge Scheduler universal targets
 * ({@code arn:aws:scheduler:::aws-sdk:<service>:<action>}: EventBridge Scheduler User Guide, "Using universal
 * targets"), run by a role that may call exactly those two actions on exactly that resource.
 *
 * @param sid         the policy statement's id ({@code StartStopDatabase})
 * @param service     the SDK service name in the target ARN ({@code rds}, {@code ec2})
 * @param startAction the SDK action that starts it ({@code startDBInstance}, {@code startInstances})
 * @param stopAction  the SDK action that stops it
 * @param iamActions  the IAM actions those calls need ({@code rds:StartDBInstance}, ...)
 */
public record StartStopSchedule(String sid, String service, String startAction, String stopAction, List<String> iamActions) {

    /**
     * Creates the role, its policy and the two schedules under {@code parent}, named {@code name-schedule},
     * {@code name-start} and {@code name-stop}.
     *
     * @param what        what is started, for descriptions ({@code the database llm-dev-db})
     * @param resourceArn the resource the role may start and stop
     * @param input       the JSON request both calls send ({@code {"DbInstanceIdentifier": ...}})
     * @param startCron   when it starts (AWS {@code cron(...)})
     * @param stopCron    when it stops
     * @param timeZone    IANA time zone of both crons
     */
    public void create(String name, String what, Resource parent, Output<String> resourceArn, Output<String> input,
                       String startCron, String stopCron, String timeZone) {
        var child = CustomResourceOptions.builder().parent(parent).build();
        var role = new Role(PhysicalName.autoNamed(name + "-schedule", NameRule.IAM_ROLE), RoleArgs.builder()
                // Only this account's schedules of the default group, where these live (EventBridge Scheduler user guide,
                // "Set up the execution role": aws:SourceAccount and aws:SourceArn ...:schedule-group/<group>).
                .assumeRolePolicy(AwsScope.of(parent).applyValue(s -> PolicyDocument.assumeRole("scheduler.amazonaws.com", s,
                        Optional.of(s.arn("scheduler", "schedule-group/default")))))
                .description("EventBridge Scheduler: start and stop " + what + " outside office hours")
                .build(), child);
        var policy = new RolePolicy(name + "-schedule", RolePolicyArgs.builder()
                .role(role.id())
                .policy(resourceArn.applyValue(arn -> PolicyDocument.json(List.of(Statement.allow(sid,
                        iamActions, List.of(arn))))))
                .build(), child);
        var scheduled = CustomResourceOptions.builder().parent(parent).dependsOn(policy).build();
        for (Map.Entry<String, String> entry : List.of(Map.entry(startAction, startCron), Map.entry(stopAction, stopCron))) {
            String verb = entry.getKey().equals(startAction) ? "start" : "stop";
            new Schedule(name + "-" + verb, ScheduleArgs.builder()
                    .description(verb + " " + what)
                    .scheduleExpression(entry.getValue())
                    .scheduleExpressionTimezone(timeZone)
                    .flexibleTimeWindow(ScheduleFlexibleTimeWindowArgs.builder().mode("OFF").build())
                    .target(ScheduleTargetArgs.builder()
                            .arn("arn:aws:scheduler:::aws-sdk:" + service + ":" + entry.getKey())
                            .roleArn(role.arn())
                            .input(input)
                            .build())
                    .build(), scheduled);
        }
    }
}
