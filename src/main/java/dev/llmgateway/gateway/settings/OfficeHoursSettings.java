package dev.llmgateway.gateway.settings;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * When the proxy runs: from {@code start} to {@code end} on {@code days}, in {@code timeZone}. Outside
 * these hours the service runs no task and the gateway answers nothing (no load balancer error page
 * either: an ALB returns 503 with no healthy target, private access has nothing to connect to).
 *
 * @param start    {@code officeHours}, first half: when tasks start
 * @param end      {@code officeHours}, second half: when tasks stop (later on the same day)
 * @param days     {@code officeDays}: the days the hours apply to
 * @param timeZone {@code officeTimeZone}: an IANA time zone (daylight saving followed by AWS)
 */
public record OfficeHoursSettings(LocalTime start, LocalTime end, Set<DayOfWeek> days, ZoneId timeZone) {

    private static final Pattern HOURS = Pattern.compile("([01]\\d|2[0-3]):([0-5]\\d)-([01]\\d|2[0-3]):([0-5]\\d)");
    private static final List<String> DAY_NAMES = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");

    /** The office hours, when {@code officeHours} is set; without it the proxy runs around the clock. */
    public static Optional<OfficeHoursSettings> read(SettingsReader r) {
        Optional<String> hours = r.optional("officeHours");
        if (hours.isEmpty()) {
            for (String key : List.of("officeDays", "officeTimeZone")) {
                if (!r.isDefault(key)) {
                    throw r.invalid(key, r.string(key), "its default unless officeHours is set (e.g. 08:00-19:00)");
                }
            }
            return Optional.empty();
        }
        Matcher m = HOURS.matcher(hours.get());
        if (!m.matches()) {
            throw r.invalid("officeHours", hours.get(), "HH:MM-HH:MM in 24-hour time, e.g. 08:00-19:00");
        }
        LocalTime start = LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        LocalTime end = LocalTime.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
        if (!end.isAfter(start.plusMinutes(59)) || start.isBefore(LocalTime.of(0, 30))) {
            throw r.invalid("officeHours", hours.get(), "a start from 00:30 and an end at least an hour later on the same day"
                    + " (the database starts 15 minutes early; overnight spans are not supported)");
        }
        String dayText = r.string("officeDays").toUpperCase(Locale.ROOT);
        Set<DayOfWeek> days = days(dayText).orElseThrow(() -> r.invalid("officeDays", dayText,
                "day names MON..SUN as a range (MON-FRI) or a list (MON,WED,FRI)"));
        String zoneText = r.string("officeTimeZone");
        ZoneId zone;
        try {
            zone = ZoneId.of(zoneText);
        } catch (RuntimeException e) {
            zone = null;
        }
        if (zone == null || zone instanceof ZoneOffset || !(zoneText.contains("/") || zoneText.equals("UTC"))) {
            throw r.invalid("officeTimeZone", zoneText, "an IANA time zone such as Europe/Berlin, America/New_York or UTC");
        }
        return Optional.of(new OfficeHoursSettings(start, end, days, zone));
    }

    /** AWS cron (minutes hours day-of-month month day-of-week year) for when tasks start. */
    public String startCron() {
        return cron(start, days);
    }

    /** AWS cron for when tasks stop. */
    public String stopCron() {
        return cron(end, days);
    }

    /** AWS cron for {@code minutes} before the start (e.g. to start a database first). */
    public String startCron(int minutes) {
        return cron(start.minusMinutes(minutes), days);
    }

    /** The AWS time zone name. */
    public String zone() {
        return timeZone.getId();
    }

    /** How the schedule reads in documentation and descriptions: {@code MON-FRI 08:00-19:00 Europe/Berlin}. */
    public String describe() {
        return dayList(days) + " " + start + "-" + end + " " + zone();
    }

    private static String cron(LocalTime time, Set<DayOfWeek> days) {
        return "cron(" + time.getMinute() + " " + time.getHour() + " ? * " + dayList(days) + " *)";
    }

    private static String dayList(Set<DayOfWeek> days) {
        return days.stream().sorted().map(d -> d.getDisplayName(TextStyle.SHORT, Locale.ROOT).toUpperCase(Locale.ROOT))
                .collect(Collectors.joining(","));
    }

    private static Optional<Set<DayOfWeek>> days(String text) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : text.split(",")) {
            String[] range = part.trim().split("-");
            if (range.length > 2 || !DAY_NAMES.contains(range[0]) || !DAY_NAMES.contains(range[range.length - 1])) {
                return Optional.empty();
            }
            int from = DAY_NAMES.indexOf(range[0]);
            int to = DAY_NAMES.indexOf(range[range.length - 1]);
            if (to < from) {
                return Optional.empty();
            }
            for (int i = from; i <= to; i++) {
                days.add(DayOfWeek.of(i + 1));
            }
        }
        return Optional.of(days);
    }
}
