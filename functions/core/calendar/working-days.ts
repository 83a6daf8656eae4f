import chineseDays from "chinese-days";
import { DomainError } from "../errors";
import { isPlainDate, type PlainDate } from "./plain-date";

/**
 * Working days of the People's Republic of China: Monday to Friday, minus the statutory holidays,
 * plus the weekend days worked in their place (调休), as published by the State Council and kept in
 * `chinese-days`.
 */
export function isWorkingDay(date: PlainDate): boolean {
  if (!isPlainDate(date)) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  const day = localNoon(date);
  // chinese-days keys its tables by the process's local date after parsing them as UTC midnight, so
  // west of UTC every holiday shifts one day earlier. Lambda runs in UTC; refuse rather than miscount.
  if (day.getTimezoneOffset() > 0) {
    throw new Error("working days need a process time zone at or east of UTC (set TZ=UTC or Asia/Shanghai)");
  }
  const year = day.getFullYear();
  // Beyond its last published year the library silently answers plain Monday–Friday: a notice would
  // then end on a holiday. Every published year has 元旦 on 01-01, an unpublished one has nothing.
  if (
    chineseDays.getHolidaysInRange(localNoon(`${year}-01-01`), localNoon(`${year}-01-01`), false).length === 0
  ) {
    throw new DomainError(
      "HOLIDAY_CALENDAR_MISSING",
      `${year}年的法定节假日安排尚未收录，暂不能按工作日计算公示期，请联系系统管理员更新节假日数据`,
      { rule: "R4.5" },
    );
  }
  return chineseDays.isWorkday(day);
}

// Local noon of the date: the library reads local date fields, and noon is never skipped by a DST jump.
function localNoon(date: PlainDate): Date {
  return new Date(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), 12);
}
