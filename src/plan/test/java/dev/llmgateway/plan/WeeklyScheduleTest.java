package dev.llmgateway.plan;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WeeklyScheduleTest {

    private static WeeklySchedule of(String on, String off) {
        return WeeklySchedule.of(List.of(new WeeklySchedule.Switch(on, true), new WeeklySchedule.Switch(off, false)))
                .orElseThrow();
    }

    @Test
    void weekdayOfficeHoursAreFiftyHoursAWeekAndFiveStops() {
        WeeklySchedule week = of("cron(0 8 ? * MON-FRI *)", "cron(0 18 ? * MON,TUE,WED,THU,FRI *)");
        assertEquals(50, week.hoursPerWeek(), 1e-9);
        assertEquals(5, week.stopsPerWeek());
        assertEquals(50 * 730 / 168.0, week.hoursPerMonth(), 1e-9);
    }

    @Test
    void aScheduleRunningOverTheWeekendWrapsRoundTheWeek() {
        // on Friday 18:00, off Monday 06:30 (AWS day numbers: 6 = Friday, 2 = Monday): 6 + 48 + 6.5 hours
        WeeklySchedule weekend = of("cron(0 18 ? * 6 *)", "cron(30 6 ? * 2 *)");
        assertEquals(60.5, weekend.hoursPerWeek(), 1e-9);
        assertEquals(1, weekend.stopsPerWeek());
    }

    @Test
    void cronsThisEstimateCannotReadGiveNoSchedule() {
        assertTrue(WeeklySchedule.of(List.of(new WeeklySchedule.Switch("cron(0/15 8 ? * MON-FRI *)", true))).isEmpty());
        assertTrue(WeeklySchedule.of(List.of(new WeeklySchedule.Switch("rate(1 hour)", true))).isEmpty());
        assertTrue(WeeklySchedule.of(List.of()).isEmpty());
    }
}
