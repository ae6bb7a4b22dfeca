// The windows' time formatters are Lull's one set (main/i18n/time.ts), shared with the tray,
// digests, the CLI and the printable report: "until 11:30", "in 40 min", ISO weeks.
export { clockTime, dateAndTime, dateRange, dayLabel, duration, isoWeekOfDate, relativeTime, shiftWeek, wallClock, wallTime, weekdayName, weekNumber, zonedWallClock, type TimeContext } from '../../../main/i18n/time.ts';
