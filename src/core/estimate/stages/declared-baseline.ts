/** Stage "3.2 Declared baseline": expected count and revenue of a bucket from the weekday x day-part table. */
import type { DeclaredBaseline } from '../../model/claim';
import { epochDayOfEpochHour, kstHourOfDay, weekdayOfEpochDay } from '../../time/kst';

export interface DeclaredSlot {
  count: number;
  revenue: number;
}

/** A day-part's usual count is spread evenly over its hours; a daily bucket sums its weekday's hours. */
export function declaredBaseline(declared: DeclaredBaseline | undefined): (key: number, hourly: boolean) => DeclaredSlot {
  if (!declared) return () => ({ count: 0, revenue: 0 });
  // table[weekday][hour] -> per-hour count and revenue.
  const table = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => ({ count: 0, revenue: 0 })));
  const parts = new Map(declared.dayParts.map((p) => [p.id, p]));
  for (const e of declared.entries) {
    const part = parts.get(e.dayPart);
    if (!part) continue;
    const hours = part.endHour - part.startHour;
    for (let h = part.startHour; h < part.endHour; h++) {
      table[e.weekday]![h]!.count += e.count / hours;
      table[e.weekday]![h]!.revenue += (e.count * e.averageTicket) / hours;
    }
  }
  return (key, hourly) => {
    if (hourly) return table[weekdayOfEpochDay(epochDayOfEpochHour(key))]![kstHourOfDay(key)]!;
    const day = table[weekdayOfEpochDay(key)]!;
    let count = 0;
    let revenue = 0;
    for (const slot of day) {
      count += slot.count;
      revenue += slot.revenue;
    }
    return { count, revenue };
  };
}
