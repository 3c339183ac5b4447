package dev.llmgateway.gateway;

import dev.llmgateway.gateway.settings.OfficeHoursSettings;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The office hours as CloudWatch metric math can test them. Metric math knows only UTC ({@code DAY()} 1 = Monday to
 * 7 = Sunday, {@code HOUR()} 0..23, {@code MINUTE()} of each value's timestamp: AWS Cloud Operations blog, "Enhance
 * CloudWatch metrics with metric math functions", June 2021, which builds exactly such an office-hours alarm), while
 * the schedule follows a time zone with daylight saving. The window is therefore the part of the hours that is inside
 * them under every UTC offset the zone uses in a year: at most an hour shorter at one end than the hours themselves,
 * never outside them.
 *
 * @param days UTC intervals, each on one day
 */
record OfficeHoursWindow(List<Interval> days) {

    /** Minutes in a day and a week. */
    private static final int DAY = 24 * 60;
    private static final int WEEK = 7 * DAY;
    /** The year whose offsets are taken: fixed, so plans do not change with the date they are made. */
    private static final int REFERENCE_YEAR = 2026;

    /**
     * Minutes [from, to) of UTC days {@code firstDay..lastDay} (1 = Monday).
     *
     * @param firstDay first day, 1..7
     * @param lastDay  last day, firstDay..7
     * @param from     first minute of the day inside the window
     * @param to       first minute of the day after it
     */
    record Interval(int firstDay, int lastDay, int from, int to) {
    }

    /** The window: from {@code graceMinutes} after the start to the end, on the office days. */
    static OfficeHoursWindow of(OfficeHoursSettings hours, int graceMinutes) {
        TreeSet<Integer> offsets = new TreeSet<>();
        for (int month = 1; month <= 12; month++) {
            offsets.add(hours.timeZone().getRules().getOffset(LocalDateTime.of(REFERENCE_YEAR, month, 15, 12, 0))
                    .getTotalSeconds() / 60);
        }
        int start = hours.start().getHour() * 60 + hours.start().getMinute() + graceMinutes;
        int end = hours.end().getHour() * 60 + hours.end().getMinute();
        // Inside the hours under every offset: from the latest UTC start to the earliest UTC end.
        int from = start - offsets.first();
        int to = end - offsets.last();
        List<int[]> pieces = new ArrayList<>();
        for (DayOfWeek day : new TreeSet<>(hours.days())) {
            if (to <= from) {
                break;
            }
            int weekFrom = Math.floorMod((day.getValue() - 1) * DAY + from, WEEK);
            int length = to - from;
            // Split where a UTC day (or the week) ends.
            while (length > 0) {
                int dayStart = weekFrom - weekFrom % DAY;
                int piece = Math.min(length, dayStart + DAY - weekFrom);
                pieces.add(new int[] {dayStart / DAY + 1, weekFrom - dayStart, weekFrom - dayStart + piece});
                length -= piece;
                weekFrom = (weekFrom + piece) % WEEK;
            }
        }
        pieces.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
        List<Interval> merged = new ArrayList<>();
        for (int[] p : pieces) {
            Interval last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && last.lastDay() == p[0] - 1 && last.from() == p[1] && last.to() == p[2]) {
                merged.set(merged.size() - 1, new Interval(last.firstDay(), p[0], p[1], p[2]));
            } else {
                merged.add(new Interval(p[0], p[0], p[1], p[2]));
            }
        }
        return new OfficeHoursWindow(List.copyOf(merged));
    }

    /** Whether a UTC instant is inside the window (what the expression computes, for tests and docs). */
    boolean contains(LocalDateTime utc) {
        int day = utc.getDayOfWeek().getValue();
        int minute = utc.getHour() * 60 + utc.getMinute();
        return days.stream().anyMatch(i -> day >= i.firstDay() && day <= i.lastDay() && minute >= i.from() && minute < i.to());
    }

    /** The metric-math condition that is 1 inside the window for the timestamps of {@code series}. */
    String condition(String series) {
        String minute = "(HOUR(" + series + ")*60+MINUTE(" + series + "))";
        List<String> clauses = new ArrayList<>();
        for (Interval i : days) {
            String dayTest = i.firstDay() == i.lastDay() ? "DAY(" + series + ")==" + i.firstDay()
                    : "DAY(" + series + ")>=" + i.firstDay() + " AND DAY(" + series + ")<=" + i.lastDay();
            clauses.add("(" + dayTest + " AND " + minute + ">=" + i.from() + " AND " + minute + "<" + i.to() + ")");
        }
        return clauses.isEmpty() ? "0" : String.join(" OR ", clauses);
    }

    /** Reads as UTC: {@code MON-FRI 07:20-17:00 UTC}. */
    String describe() {
        List<String> parts = new ArrayList<>();
        for (Interval i : days) {
            String d = name(i.firstDay()) + (i.firstDay() == i.lastDay() ? "" : "-" + name(i.lastDay()));
            parts.add(d + " " + clock(i.from()) + "-" + clock(i.to()));
        }
        return String.join(", ", parts) + " UTC";
    }

    private static String name(int day) {
        return DayOfWeek.of(day).name().substring(0, 3);
    }

    private static String clock(int minute) {
        return String.format("%02d:%02d", minute / 60, minute % 60);
    }
}
