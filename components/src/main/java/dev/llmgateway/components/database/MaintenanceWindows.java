package dev.llmgateway.components.database;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RDS and Aurora backup and maintenance windows, checked as the RDS API does (CreateDBInstance /
 * CreateDBCluster, {@code PreferredBackupWindow}: "hh24:mi-hh24:mi", UTC, at least 30 minutes, must not
 * conflict with the maintenance window; {@code PreferredMaintenanceWindow}: "ddd:hh24:mi-ddd:hh24:mi",
 * days Mon..Sun, UTC, at least 30 minutes). Pure functions: each returns the problem, if any.
 */
public final class MaintenanceWindows {

    /** The shortest window RDS accepts, in minutes. */
    public static final int MINIMUM_MINUTES = 30;
    private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    private static final int DAY = 24 * 60;
    private static final int WEEK = 7 * DAY;
    private static final String TIME = "([01]\\d|2[0-3]):([0-5]\\d)";
    private static final Pattern BACKUP = Pattern.compile(TIME + "-" + TIME);
    private static final Pattern MAINTENANCE = Pattern.compile("([a-z]{3}):" + TIME + "-([a-z]{3}):" + TIME);

    private MaintenanceWindows() {
    }

    /** Why {@code window} is not a daily backup window, if it is not one. */
    public static Optional<String> backupProblem(String window) {
        Matcher m = BACKUP.matcher(window);
        if (!m.matches()) {
            return Optional.of("a daily UTC window hh24:mi-hh24:mi such as 03:00-04:00");
        }
        int start = minutes(m.group(1), m.group(2));
        int length = Math.floorMod(minutes(m.group(3), m.group(4)) - start, DAY);
        return length < MINIMUM_MINUTES ? Optional.of("a window of at least " + MINIMUM_MINUTES + " minutes") : Optional.empty();
    }

    /** Why {@code window} is not a weekly maintenance window, if it is not one. */
    public static Optional<String> maintenanceProblem(String window) {
        Matcher m = MAINTENANCE.matcher(window.toLowerCase(Locale.ROOT));
        if (!m.matches() || !DAYS.contains(m.group(1)) || !DAYS.contains(m.group(4))) {
            return Optional.of("a weekly UTC window ddd:hh24:mi-ddd:hh24:mi with days mon..sun, such as sun:04:30-sun:05:30");
        }
        int[] range = weekRange(m);
        return Math.floorMod(range[1] - range[0], WEEK) < MINIMUM_MINUTES
                ? Optional.of("a window of at least " + MINIMUM_MINUTES + " minutes") : Optional.empty();
    }

    /** Whether a valid daily backup window and a valid weekly maintenance window share any minute. */
    public static boolean overlap(String backup, String maintenance) {
        Matcher b = BACKUP.matcher(backup);
        Matcher m = MAINTENANCE.matcher(maintenance.toLowerCase(Locale.ROOT));
        if (!b.matches() || !m.matches()) {
            throw new IllegalArgumentException("check the windows' formats first: " + backup + ", " + maintenance);
        }
        int start = minutes(b.group(1), b.group(2));
        int length = Math.floorMod(minutes(b.group(3), b.group(4)) - start, DAY);
        int[] range = weekRange(m);
        int maintenanceLength = Math.floorMod(range[1] - range[0], WEEK);
        for (int day = 0; day < 7; day++) {
            for (int minute = 0; minute < length; minute++) {
                if (Math.floorMod(day * DAY + start + minute - range[0], WEEK) < maintenanceLength) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int[] weekRange(Matcher m) {
        return new int[] {DAYS.indexOf(m.group(1)) * DAY + minutes(m.group(2), m.group(3)),
                DAYS.indexOf(m.group(4)) * DAY + minutes(m.group(5), m.group(6))};
    }

    private static int minutes(String hours, String minutes) {
        return Integer.parseInt(hours) * 60 + Integer.parseInt(minutes);
    }
}
