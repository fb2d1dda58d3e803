import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { estimateClaim } from '../../../src/core/estimate/index';
import { EXAMPLES, loadExample } from './helpers';

/**
 * The assumptions table goes into the packet's PDF, read by a claim reviewer: labels in words (no formula
 * symbols such as "v", "c" or "K"), sources as publications (no bare article numbers), and a user's note
 * written as "한국어 / English" split into each language's half.
 */
const examples = readdirSync(EXAMPLES).filter((f) => f.endsWith('.claim.json'));

describe('assumption labels and sources read as words', () => {
  it.each(examples)('%s', (name) => {
    const e = estimateClaim(loadExample(name));
    expect(e.assumptions.length).toBeGreaterThan(0);
    for (const a of e.assumptions) {
      expect(a.label.ko, a.id).not.toMatch(/\s[vcK]$/);
      expect(a.label.en, a.id).not.toMatch(/\s[vcK]$/);
      expect(a.source.ko, a.id).not.toMatch(/\d{9,}/);
      expect(a.source.en, a.id).not.toMatch(/\d{9,}/);
    }
  });

  it("the driver example's edited window: its bilingual note is split by language, the public window kept", () => {
    const e = estimateClaim(loadExample('driver-2022.claim.json'));
    const w = e.assumptions.find((a) => a.id === 'window:kakao-t-daeri')!;
    expect(w.source.ko).toBe('직접 고친 기간 (공개 기간 2022-10-15 15:30 – 2022-10-16 21:30) 토요일 20시~02시에만 일해요: 그 시간만 청구해요');
    expect(w.source.en).toBe('edited by you (public window 2022-10-15 15:30 – 2022-10-16 21:30) I only work 20:00-02:00 on Saturdays');
    const margin = e.assumptions.find((a) => a.id === 'margin-c')!;
    expect(margin.label).toEqual({ ko: '플랫폼 수수료 비율', en: 'platform-commission share' });
    expect(margin.source.ko).toContain('한국경제 2016년 3월 7일 기사');
  });

  it('each margin share gives its own grounds: v the travel or fuel, c the commission and its report', () => {
    const source = (file: string, id: string) => estimateClaim(loadExample(file)).assumptions.find((a) => a.id === id)!.source;
    expect(source('driver-2022.claim.json', 'margin-v')).toEqual({ ko: '콜 사이 이동비 5%', en: 'travel between calls 5%' });
    expect(source('driver-2022.claim.json', 'margin-c').ko).toBe('카카오 T 대리 수수료 20% (한국경제 2016년 3월 7일 기사)');
    const taxi = loadExample('taxi-franchise.claim.json');
    const unconfirmed = { ...taxi, parameters: { ...taxi.parameters, margin: { v: { confirmed: false }, c: { confirmed: false } } } };
    const rows = estimateClaim(unconfirmed).assumptions;
    expect(rows.find((a) => a.id === 'margin-v')!.source.ko).toBe('연료 15%');
    expect(rows.find((a) => a.id === 'margin-c')!.source.ko).toBe('가맹(블루) 수수료 20%에서 15~17% 환급: 실질 3~5% (채널A 보도)');
  });
});
