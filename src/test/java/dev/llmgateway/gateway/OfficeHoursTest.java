package dev.llmgateway.gateway;

import dev.llmgateway.gateway.settings.Stacks;
import dev.llmgateway.engine.PlannedResource;
import dev.llmgateway.engine.PlannedStack;
import dev.llmgateway.gateway.settings.SettingsException;
import dev.llmgateway.gateway.settings.StackSettings;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Office hours: the service scales to zero outside them, an RDS instance stops, the settings are checked. */
class OfficeHoursTest {

    private static final Map<String, Object> BERLIN_WEEKDAYS = Map.of(
            "officeHours", "08:00-19:00", "officeDays", "MON-FRI", "officeTimeZone", "Europe/Berlin");

    @Test
    void theServiceScalesToZeroAtTheEndAndBackToItsRangeAtTheStartInTheTimeZone() {
        PlannedStack plan = Plans.of(Stacks.load("prod").with(BERLIN_WEEKDAYS));
        Map<String, PlannedResource> actions = byName(plan.ofType("aws:appautoscaling/scheduledAction:ScheduledAction"));
        PlannedResource start = actions.get("llm-prod-proxy-office-start");
        PlannedResource stop = actions.get("llm-prod-proxy-office-stop");
        assertEquals("cron(0 8 ? * MON,TUE,WED,THU,FRI *)", start.string("schedule"));
        assertEquals("cron(0 19 ? * MON,TUE,WED,THU,FRI *)", stop.string("schedule"));
        assertEquals("Europe/Berlin", start.string("timezone"));
        assertEquals(List.of(2.0, 6.0), List.of(start.number("scalableTargetAction.minCapacity"),
                start.number("scalableTargetAction.maxCapacity")));
        assertEquals(List.of(0.0, 0.0), List.of(stop.number("scalableTargetAction.minCapacity"),
                stop.number("scalableTargetAction.maxCapacity")));
        assertEquals("ecs:service:DesiredCount", stop.string("scalableDimension"));
        assertTrue(stop.dependencies().contains(start.urn()), "actions on one target are created one after another");
        assertTrue(plan.ofType("aws:scheduler/schedule:Schedule").isEmpty(), "Aurora pauses by itself: no database schedule");
    }

    @Test
    void theScheduleOwnsTheTaskRangeSoARefreshOutsideTheHoursStartsNothing() {
        PlannedResource scheduled = Plans.of(Stacks.load("prod").with(BERLIN_WEEKDAYS)).one("aws:appautoscaling/target:Target");
        assertEquals(List.of("minCapacity", "maxCapacity"), scheduled.ignoreChanges());
        PlannedResource always = Plans.stack("prod").one("aws:appautoscaling/target:Target");
        assertTrue(always.ignoreChanges().isEmpty(), "without a schedule, the configured range is applied on every update");
    }

    @Test
    void anRdsInstanceStartsAQuarterHourEarlyAndStopsWithTheTasksThroughARoleScopedToIt() {
        PlannedStack plan = Plans.of(Stacks.load("dev").with(Map.of("officeHours", "08:00-19:00",
                "officeTimeZone", "Europe/Berlin", "dbEngine", "rds-instance", "dbInstanceClass", "db.t4g.micro",
                "dbMinCapacity", "0.5")));
        Map<String, PlannedResource> schedules = byName(plan.ofType("aws:scheduler/schedule:Schedule"));
        PlannedResource start = schedules.get("llm-dev-db-start");
        PlannedResource stop = schedules.get("llm-dev-db-stop");
        assertEquals("cron(45 7 ? * MON,TUE,WED,THU,FRI *)", start.string("scheduleExpression"));
        assertEquals("cron(0 19 ? * MON,TUE,WED,THU,FRI *)", stop.string("scheduleExpression"));
        assertEquals("Europe/Berlin", stop.string("scheduleExpressionTimezone"));
        assertEquals("arn:aws:scheduler:::aws-sdk:rds:startDBInstance", start.string("target.arn"));
        assertEquals("arn:aws:scheduler:::aws-sdk:rds:stopDBInstance", stop.string("target.arn"));
        assertEquals("{\"DbInstanceIdentifier\":\"llm-dev-db\"}", stop.string("target.input"));
        PlannedResource role = plan.named("aws:iam/role:Role", "llm-dev-db-schedule");
        assertTrue(role.string("assumeRolePolicy").contains("scheduler.amazonaws.com"));
        String policy = plan.named("aws:iam/rolePolicy:RolePolicy", "llm-dev-db-schedule").string("policy");
        assertTrue(policy.contains("\"rds:StartDBInstance\",\"rds:StopDBInstance\"") && policy.contains("llm-dev-db\"")
                && !policy.contains("*"), policy);
    }

    @Test
    void devsNatInstanceRunsWithTheDatabaseSoNightsCostOnlyItsRootVolume() {
        PlannedStack plan = Plans.stack("dev");
        Map<String, PlannedResource> schedules = byName(plan.ofType("aws:scheduler/schedule:Schedule"));
        PlannedResource start = schedules.get("llm-dev-nat-start");
        PlannedResource stop = schedules.get("llm-dev-nat-stop");
        assertEquals(schedules.get("llm-dev-db-start").string("scheduleExpression"), start.string("scheduleExpression"),
                "up with the database, before the first task pulls its image");
        assertEquals("cron(0 18 ? * MON,TUE,WED,THU,FRI *)", stop.string("scheduleExpression"));
        assertEquals("arn:aws:scheduler:::aws-sdk:ec2:startInstances", start.string("target.arn"));
        PlannedResource nat = plan.one("aws:ec2/instance:Instance");
        assertEquals("{\"InstanceIds\":[\"" + nat.id() + "\"]}", stop.string("target.input"));
        String policy = plan.named("aws:iam/rolePolicy:RolePolicy", "llm-dev-nat-schedule").string("policy");
        assertTrue(policy.contains("\"ec2:StartInstances\",\"ec2:StopInstances\"") && policy.contains(nat.id())
                && !policy.contains("*"), policy);
        // Stopped at night is normal: its status alarm counts no data as fine, a failing check still alarms.
        PlannedResource alarm = plan.where(r -> r.type().equals("aws:cloudwatch/metricAlarm:MetricAlarm")
                && r.input("metricName").map("StatusCheckFailed"::equals).orElse(false)).get(0);
        assertEquals("notBreaching", alarm.string("treatMissingData"));
        assertEquals("breaching", Plans.example("bedrock-budgets-metrics").where(r -> r.type().equals("aws:cloudwatch/metricAlarm:MetricAlarm")
                && r.input("metricName").map("StatusCheckFailed"::equals).orElse(false)).get(0).string("treatMissingData"),
                "a NAT instance that should run all month alarms when it reports nothing");
    }

    @Test
    void withOfficeHoursNoRunningTaskIsNormalSoThereIsNoRunningTaskAlarm() {
        PlannedStack always = Plans.stack("prod");
        PlannedStack office = Plans.of(Stacks.load("prod").with(BERLIN_WEEKDAYS));
        // Expression alarms have no metricName of their own.
        assertTrue(always.ofType("aws:cloudwatch/metricAlarm:MetricAlarm").stream()
                .anyMatch(a -> "RunningTaskCount".equals(a.input("metricName").orElse(null))));
        assertTrue(office.ofType("aws:cloudwatch/metricAlarm:MetricAlarm").stream()
                .noneMatch(a -> "RunningTaskCount".equals(a.input("metricName").orElse(null))));
    }

    @Test
    void settingsNameTheKeyAndWhatIsAllowed() {
        assertFails("litellm-gateway:officeHours = '8-19': HH:MM-HH:MM", Map.of("officeHours", "8-19"));
        assertFails("litellm-gateway:officeHours = '19:00-08:00': a start from 00:30 and an end at least an hour later",
                Map.of("officeHours", "19:00-08:00"));
        assertFails("litellm-gateway:officeDays = 'MON-XYZ': day names MON..SUN",
                Map.of("officeHours", "08:00-19:00", "officeDays", "MON-XYZ"));
        assertFails("litellm-gateway:officeTimeZone = '+02:00': an IANA time zone",
                Map.of("officeHours", "08:00-19:00", "officeTimeZone", "+02:00"));
        assertFails("litellm-gateway:officeDays = 'MON,WED': its default unless officeHours is set", Map.of("officeDays", "MON,WED"));
        assertEquals(Optional.empty(), StackSettings.read(Stacks.load("prod").with(Map.of("officeDays", "MON-FRI"))).officeHours(),
                "the default (which the CLI sets for every stack) needs no officeHours");
    }

    private static void assertFails(String expected, Map<String, Object> overrides) {
        var error = assertThrows(SettingsException.class, () -> StackSettings.read(Stacks.load("prod").with(overrides)));
        assertTrue(error.getMessage().contains(expected), () -> "message was: " + error.getMessage());
    }

    private static Map<String, PlannedResource> byName(List<PlannedResource> resources) {
        return resources.stream().collect(java.util.stream.Collectors.toMap(PlannedResource::name, r -> r));
    }
}
