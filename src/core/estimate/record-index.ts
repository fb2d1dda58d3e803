import type { ActivityRecord } from '../model/record';
import { epochDayOf, epochDayOfEpochHour, epochHourOf, isHourlyBucket, type Granularity } from '../time/kst';

/** Per slot and channel: count, known revenue, count of records with revenue, count of records without. */
const FIELDS = 4;

/**
 * One pass over the records: totals per bucket (of the claim's granularity) and per KST day, per channel.
 * Hourly records sum into days; daily records are never spread over hours (section 1).
 */
export class RecordIndex {
  readonly channelIds: string[];
  private readonly channelIndex = new Map<string, number>();
  /** Keyed by epoch hour (hourly claims) or epoch day (daily claims). */
  readonly slots = new Map<number, Float64Array>();
  /** Keyed by epoch day, always. */
  readonly days = new Map<number, Float64Array>();

  constructor(records: readonly ActivityRecord[], channelIds: readonly string[], readonly granularity: Granularity) {
    this.channelIds = [...channelIds];
    this.channelIds.forEach((id, i) => this.channelIndex.set(id, i));
    for (const r of records) {
      let ch = this.channelIndex.get(r.channel);
      if (ch === undefined) {
        ch = this.channelIds.length;
        this.channelIds.push(r.channel);
        this.channelIndex.set(r.channel, ch);
      }
      const hourly = isHourlyBucket(r.bucket);
      const day = hourly ? epochDayOfEpochHour(epochHourOf(r.bucket)) : epochDayOf(r.bucket);
      const slotKey = granularity === 'hourly' ? epochHourOf(r.bucket) : day;
      this.add(this.slots, slotKey, ch, r);
      this.add(this.days, day, ch, r);
    }
  }

  private add(map: Map<number, Float64Array>, key: number, ch: number, r: ActivityRecord): void {
    let arr = map.get(key);
    if (!arr || arr.length < (ch + 1) * FIELDS) {
      const grown = new Float64Array(Math.max(this.channelIds.length, ch + 1) * FIELDS);
      if (arr) grown.set(arr);
      arr = grown;
      map.set(key, arr);
    }
    const o = ch * FIELDS;
    arr[o] += r.count;
    if (r.revenue === null || r.revenue === undefined) arr[o + 3] += r.count;
    else {
      arr[o + 1] += r.revenue;
      arr[o + 2] += r.count;
    }
  }

  hasDay(epochDay: number): boolean {
    return this.days.has(epochDay);
  }

  /** Revenue of one slot: known revenue plus count x average ticket where revenue is missing (section 1). */
  static revenue(arr: Float64Array | undefined, ticket: number, channel?: number): number {
    if (!arr) return 0;
    if (channel !== undefined) {
      const o = channel * FIELDS;
      return o < arr.length ? arr[o + 1]! + arr[o + 3]! * ticket : 0;
    }
    let sum = 0;
    for (let o = 0; o < arr.length; o += FIELDS) sum += arr[o + 1]! + arr[o + 3]! * ticket;
    return sum;
  }

  static count(arr: Float64Array | undefined, channel?: number): number {
    if (!arr) return 0;
    if (channel !== undefined) {
      const o = channel * FIELDS;
      return o < arr.length ? arr[o]! : 0;
    }
    let sum = 0;
    for (let o = 0; o < arr.length; o += FIELDS) sum += arr[o]!;
    return sum;
  }

  /** Known revenue and the count of records carrying it, for the average ticket (section 1). */
  static ticketParts(arr: Float64Array | undefined): [revenue: number, count: number] {
    if (!arr) return [0, 0];
    let rev = 0;
    let cnt = 0;
    for (let o = 0; o < arr.length; o += FIELDS) {
      rev += arr[o + 1]!;
      cnt += arr[o + 2]!;
    }
    return [rev, cnt];
  }

  /** Count of records lacking revenue in the slot. */
  static missingRevenueCount(arr: Float64Array | undefined): number {
    if (!arr) return 0;
    let n = 0;
    for (let o = 0; o < arr.length; o += FIELDS) n += arr[o + 3]!;
    return n;
  }
}
