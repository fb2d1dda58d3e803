import type { ActivityRecord } from '../model/record';
import { epochDayOf, epochDayOfEpochHour, epochHourOf, isHourlyBucket, type Granularity } from '../time/kst';

/** One average ticket for every channel, or one per channel index (section 1). */
export type Tickets = number | readonly number[];

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
  readonly slots = new Map<number, number[]>();
  /** Keyed by epoch day, always. */
  readonly days: Map<number, number[]>;

  constructor(records: readonly ActivityRecord[], channelIds: readonly string[], readonly granularity: Granularity) {
    this.channelIds = [...channelIds];
    this.channelIds.forEach((id, i) => this.channelIndex.set(id, i));
    // Several channels share a bucket: parse each bucket string once.
    const parsed = new Map<string, [slot: number, day: number]>();
    const width = () => this.channelIds.length * FIELDS;
    for (const r of records) {
      let ch = this.channelIndex.get(r.channel);
      if (ch === undefined) {
        ch = this.channelIds.length;
        this.channelIds.push(r.channel);
        this.channelIndex.set(r.channel, ch);
      }
      let keys = parsed.get(r.bucket);
      if (!keys) {
        const hourly = isHourlyBucket(r.bucket);
        const epochHour = hourly ? epochHourOf(r.bucket) : 0;
        const day = hourly ? epochDayOfEpochHour(epochHour) : epochDayOf(r.bucket);
        keys = [granularity === 'hourly' ? epochHour : day, day];
        parsed.set(r.bucket, keys);
      }
      let arr = this.slots.get(keys[0]);
      if (!arr || arr.length < width()) {
        const grown = new Array<number>(width()).fill(0);
        if (arr) for (let i = 0; i < arr.length; i++) grown[i] = arr[i]!;
        arr = grown;
        this.slots.set(keys[0], arr);
      }
      const o = ch * FIELDS;
      arr[o]! += r.count;
      if (r.revenue === null || r.revenue === undefined) arr[o + 3]! += r.count;
      else {
        arr[o + 1]! += r.revenue;
        arr[o + 2]! += r.count;
      }
    }
    // Days: the same map for daily claims; for hourly claims the hours summed per KST day.
    if (granularity === 'daily') this.days = this.slots;
    else {
      this.days = new Map();
      const w = width();
      for (const [hour, arr] of this.slots) {
        const day = epochDayOfEpochHour(hour);
        let d = this.days.get(day);
        if (!d) {
          d = new Array<number>(w).fill(0);
          this.days.set(day, d);
        }
        for (let i = 0; i < arr.length; i++) d[i]! += arr[i]!;
      }
    }
  }

  hasDay(epochDay: number): boolean {
    return this.days.has(epochDay);
  }

  /**
   * Revenue of one slot: known revenue plus count x average ticket where revenue is missing (section 1).
   * `ticket` is one ticket for every channel, or one per channel index (a channel's declared fare).
   */
  static revenue(arr: number[] | undefined, ticket: Tickets, channel?: number): number {
    if (!arr) return 0;
    const one = typeof ticket === 'number';
    if (channel !== undefined) {
      const o = channel * FIELDS;
      return o < arr.length ? arr[o + 1]! + arr[o + 3]! * (one ? ticket : (ticket[channel] ?? 0)) : 0;
    }
    let sum = 0;
    for (let o = 0, ch = 0; o < arr.length; o += FIELDS, ch++) sum += arr[o + 1]! + arr[o + 3]! * (one ? ticket : (ticket[ch] ?? 0));
    return sum;
  }

  /** Known revenue and the count carrying it, of one channel (its own average ticket, section 1). */
  static channelTicketParts(arr: number[] | undefined, channel: number): [revenue: number, count: number] {
    const o = channel * FIELDS;
    if (!arr || o >= arr.length) return [0, 0];
    return [arr[o + 1]!, arr[o + 2]!];
  }

  static count(arr: number[] | undefined, channel?: number): number {
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
  static ticketParts(arr: number[] | undefined): [revenue: number, count: number] {
    if (!arr) return [0, 0];
    let rev = 0;
    let cnt = 0;
    for (let o = 0; o < arr.length; o += FIELDS) {
      rev += arr[o + 1]!;
      cnt += arr[o + 2]!;
    }
    return [rev, cnt];
  }

  /** Count of records lacking revenue in the slot, of one channel (no closure per slot and channel). */
  static channelMissingRevenueCount(arr: number[] | undefined, channel: number): number {
    const o = channel * FIELDS;
    return arr && o < arr.length ? arr[o + 3]! : 0;
  }

  /** Count of records lacking revenue in the slot (only of the channels `only` accepts, when given). */
  static missingRevenueCount(arr: number[] | undefined, only?: (channel: number) => boolean): number {
    if (!arr) return 0;
    let n = 0;
    for (let o = 0, ch = 0; o < arr.length; o += FIELDS, ch++) if (!only || only(ch)) n += arr[o + 3]!;
    return n;
  }
}
