/**
 * Progress of a long batch step as people read it: how many of how many, how fast, and about how long is
 * left, from the count and the time spent so far (pure: the caller gives the clock). Used by the CLI's
 * stderr line and the batch page's worker.
 */

export type ProgressRate = {
  done: number;
  total: number;
  /** Items a second so far; null until there is enough to tell (a first item, some time spent). */
  perSecond: number | null;
  /** Seconds left at that rate, rounded up; null when the rate is unknown. */
  secondsLeft: number | null;
};

export function progressRate(done: number, total: number, elapsedMs: number): ProgressRate {
  if (done <= 0 || elapsedMs <= 0) return { done, total, perSecond: null, secondsLeft: null };
  const perSecond = (done * 1000) / elapsedMs;
  return { done, total, perSecond, secondsLeft: Math.ceil(Math.max(0, total - done) / perSecond) };
}

/** `1분 5초` / `1 min 5 s`, or seconds alone under a minute. */
export function durationText(seconds: number): { ko: string; en: string } {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  if (h) return { ko: `${h}시간 ${m}분`, en: `${h} h ${m} min` };
  if (m) return { ko: `${m}분 ${r}초`, en: `${m} min ${r} s` };
  return { ko: `${r}초`, en: `${r} s` };
}

const n = (x: number) => x.toLocaleString('en-US');

/** One line, Korean then English: `읽기·확인 1,234 / 10,050개 · 초당 850개 · 약 10초 남음 / reading 1,234 of 10,050 · 850/s · about 10 s left`. */
export function progressLine(step: { ko: string; en: string }, r: ProgressRate): string {
  const rate = r.perSecond === null ? null : r.perSecond >= 10 ? Math.round(r.perSecond) : Math.round(r.perSecond * 10) / 10;
  const left = r.secondsLeft === null || r.secondsLeft === 0 ? null : durationText(r.secondsLeft);
  const ko = [`${step.ko} ${n(r.done)} / ${n(r.total)}개`, rate === null ? null : `초당 ${n(rate)}개`, left === null ? null : `약 ${left.ko} 남음`];
  const en = [`${step.en} ${n(r.done)} of ${n(r.total)}`, rate === null ? null : `${n(rate)}/s`, left === null ? null : `about ${left.en} left`];
  return `${ko.filter(Boolean).join(' · ')} / ${en.filter(Boolean).join(' · ')}`;
}
