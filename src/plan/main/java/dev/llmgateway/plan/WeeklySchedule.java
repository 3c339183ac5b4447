package dev.llmgateway.plan;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many hours a month something runs when scheduled actions switch it on and off, read from
 * the AWS cron expressions the resources carry ({@code cron(minutes hours day-of-month month
 * day-of-week year)}, the format of Application Auto Scaling scheduled actions and EventBridge
 * Scheduler). Only weekly patterns are understood: fixed minute and hour, any day of month and
 * month, and {@code *}, {@code ?}, a day list or a day range for the day of week. The time zone
 * does not change the hours per week, so it is not needed here.
 */
final class WeeklySchedule {

    /** Minutes in a week. */
    private static final int WEEK = 7 * 24 * 60;
    /** Weeks in a billing month of {@link PriceTable#HOURS_PER_MONTH} hours. */
    static final double WEEKS_PER_MONTH = PriceTable.HOURS_PER_MONTH / (7 * 24);
    private static final Pattern CRON = Pattern.compile(
            "cron\\(\\s*(\\d{1,2})\\s+(\\d{1,2})\\s+[?*]\\s+\\*\\s+(\\S+)\\s+\\*\\s*\\)");

    /**
     * One switch: at the times of {@code cron}, the thing is turned on or off.
     *
     * @param cron an AWS cron expression
     * @param on   true when it starts the thing, false when it stops it
     */
    record Switch(String cron, boolean on) {
    }

    private final List<int[]> switches;

    private WeeklySchedule(List<int[]> switches) {
        this.switches = switches;
    }

    /** The schedule the switches describe, or empty when there are none or one is not a weekly cron. */
    static Optional<WeeklySchedule> of(List<Switch> switches) {
        if (switches.isEmpty()) {
            return Optional.empty();
        }
        List<int[]> minutes = new ArrayList<>();
        for (Switch s : switches) {
            Matcher m = CRON.matcher(s.cron());
            if (!m.matches()) {
                return Optional.empty();
            }
            int minute = Integer.parseInt(m.group(1));
            int hour = Integer.parseInt(m.group(2));
            Optional<Set<DayOfWeek>> days = days(m.group(3));
            if (days.isEmpty() || minute > 59 || hour > 23) {
                return Optional.empty();
            }
            for (DayOfWeek day : days.get()) {
                minutes.add(new int[]{(day.getValue() - 1) * 24 * 60 + hour * 60 + minute, s.on() ? 1 : 0});
            }
        }
        minutes.sort((a, b) -> Integer.compare(a[0], b[0]));
        return Optional.of(new WeeklySchedule(minutes));
    }

    /** Hours per week it runs: from each "on" to the next "off", wrapping round the week. */
    double hoursPerWeek() {
        boolean running = switches.get(switches.size() - 1)[1] == 1;
        int last = 0;
        int minutesOn = 0;
        for (int[] s : switches) {
            if (running) {
                minutesOn += s[0] - last;
            }
            last = s[0];
            running = s[1] == 1;
        }
        if (running) {
            minutesOn += WEEK - last;
        }
        return minutesOn / 60.0;
    }

    /** Hours per billing month it runs. */
    double hoursPerMonth() {
        return hoursPerWeek() * WEEKS_PER_MONTH;
    }

    /** How often per week it is switched from on to off. */
    int stopsPerWeek() {
        boolean running = switches.get(switches.size() - 1)[1] == 1;
        int stops = 0;
        for (int[] s : switches) {
            stops += running && s[1] == 0 ? 1 : 0;
            running = s[1] == 1;
        }
        return stops;
    }

    private static Optional<Set<DayOfWeek>> days(String field) {
        if (field.equals("*") || field.equals("?")) {
            return Optional.of(EnumSet.allOf(DayOfWeek.class));
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : field.split(",")) {
            String[] range = part.split("-");
            Optional<DayOfWeek> from = day(range[0]);
            Optional<DayOfWeek> to = range.length == 2 ? day(range[1]) : from;
            if (from.isEmpty() || to.isEmpty() || range.length > 2) {
                return Optional.empty();
            }
            for (DayOfWeek d = from.get(); ; d = d.plus(1)) {
                days.add(d);
                if (d == to.get()) {
                    break;
                }
            }
        }
        return Optional.of(days);
    }

    /** AWS cron day names (SUN..SAT) or numbers (1 = Sunday .. 7 = Saturday). */
    private static Optional<DayOfWeek> day(String text) {
        String t = text.toUpperCase(Locale.ROOT);
        if (t.matches("[1-7]")) {
            return Optional.of(DayOfWeek.SUNDAY.plus(Integer.parseInt(t) - 1));
        }
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().startsWith(t) && t.length() == 3) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
