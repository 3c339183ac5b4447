package dev.llmgateway.components.database;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MaintenanceWindowsTest {

    @Test
    void backupWindowsAreDailyUtcRangesOfAtLeastThirtyMinutes() {
        assertEquals(Optional.empty(), MaintenanceWindows.backupProblem("03:00-04:00"));
        assertEquals(Optional.empty(), MaintenanceWindows.backupProblem("23:45-00:15"), "a window may cross midnight");
        assertTrue(MaintenanceWindows.backupProblem("03:00-03:20").orElseThrow().contains("at least 30 minutes"));
        assertTrue(MaintenanceWindows.backupProblem("3:00-4:00").orElseThrow().contains("hh24:mi-hh24:mi"));
        assertTrue(MaintenanceWindows.backupProblem("24:00-01:00").isPresent());
    }

    @Test
    void maintenanceWindowsAreWeeklyUtcRangesWithDayNames() {
        assertEquals(Optional.empty(), MaintenanceWindows.maintenanceProblem("sun:04:30-sun:05:30"));
        assertEquals(Optional.empty(), MaintenanceWindows.maintenanceProblem("Sat:23:30-Sun:00:30"), "days in any case, across days");
        assertEquals(Optional.empty(), MaintenanceWindows.maintenanceProblem("sun:23:30-mon:00:30"), "across the week's end");
        assertTrue(MaintenanceWindows.maintenanceProblem("sun:04:30-sun:04:50").orElseThrow().contains("at least 30 minutes"));
        assertTrue(MaintenanceWindows.maintenanceProblem("sunday:04:30-sunday:05:30").orElseThrow().contains("ddd:hh24:mi"));
        assertTrue(MaintenanceWindows.maintenanceProblem("xyz:04:30-xyz:05:30").isPresent());
    }

    @Test
    void windowsOverlapWhenTheyShareAMinuteOnTheMaintenanceDay() {
        assertTrue(MaintenanceWindows.overlap("03:00-04:00", "sun:03:30-sun:04:30"));
        assertFalse(MaintenanceWindows.overlap("03:00-04:00", "sun:04:00-sun:05:00"), "end and start may touch");
        assertTrue(MaintenanceWindows.overlap("23:30-00:30", "mon:00:00-mon:01:00"), "the backup window crosses into Monday");
        assertTrue(MaintenanceWindows.overlap("02:00-03:00", "sun:23:00-mon:02:30"), "the maintenance window crosses the week's end");
        assertFalse(MaintenanceWindows.overlap("02:00-03:00", "sun:04:00-sun:05:00"));
    }
}
