import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');
const EXAMPLES = join(ROOT, 'assets', 'examples');
const run = promisify(execFile);

/** The real command line, as a child process: `npx tsx src/cli/main.ts estimate ...`. */
async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'src/cli/main.ts', 'estimate', ...args], { cwd: ROOT, encoding: 'utf8' });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const tmp = mkdtempSync(join(tmpdir(), 'estimate-cli-'));

describe('outage-desk estimate', () => {
  it('--json prints one JSON object with the worked example\'s figures', async () => {
    const { code, stdout } = await cli(join(EXAMPLES, 'driver-2022.claim.json'), '--json');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out).toMatchObject({
      expectedRevenue: 325_000, actualRevenue: 44_000, lostCount: 11, lostRevenue: 281_000, margin: 0.75,
      lostProfit: 210_750,
      lostProfitRange: { low: 182_718, high: 238_782, level: 0.8, driver: 'reference-weeks' },
      directTotal: 210_750, indirectTotal: 13_740, claimTotal: 224_490, granularity: 'hourly',
      referenceDates: {
        '2022-10-15': ['2022-10-08', '2022-10-01', '2022-09-24', '2022-09-17'],
        '2022-10-16': ['2022-10-02', '2022-09-25', '2022-09-18', '2022-09-04'],
      },
      rules: {},
    });
    expect(out.directItems).toEqual([]);
    expect(out.indirectItems.map((i: { amount: number }) => i.amount)).toEqual([13_740]);
  });

  it('--level 0.95 widens the range', async () => {
    const { code, stdout } = await cli(join(EXAMPLES, 'driver-2022.claim.json'), '--json', '--level', '0.95');
    expect(code).toBe(0);
    const r = JSON.parse(stdout).lostProfitRange;
    expect(r.level).toBe(0.95);
    expect(r.low).toBeLessThan(182_718);
    expect(r.high).toBeGreaterThan(238_782);
  });

  it('prints the best-week rule for the merchant: loss 710,000, review band', async () => {
    const { code, stdout } = await cli(join(EXAMPLES, 'merchant-best-week.claim.json'), '--json');
    expect(code).toBe(0);
    const rule = JSON.parse(stdout).rules['kakao-2022-smb-best-week'];
    expect(rule.loss).toBe(710_000);
    expect(rule.band.id).toBe('review');
  });

  it('counts only, no ticket: revenue "not computable" in words (text and --json), the counts given, never 0원', async () => {
    const doc = JSON.parse(readFileSync(join(EXAMPLES, 'driver-2022.claim.json'), 'utf8'));
    doc.records = doc.records.map((r: Record<string, unknown>) => ({ ...r, revenue: null }));
    const file = join(tmp, 'counts-only.claim.json');
    writeFileSync(file, JSON.stringify(doc));
    const json = await cli(file, '--json');
    expect(json.code).toBe(0);
    const out = JSON.parse(json.stdout);
    expect(out).toMatchObject({
      revenueComputable: false, expectedRevenue: null, actualRevenue: null, lostRevenue: null, lostProfit: null, lostProfitRange: null,
      expectedCount: 13, actualCount: 2, lostCount: 11,
    });
    expect(out.revenueNotComputable).toMatch(/^기록에 수입 없이 건수만 있고 .* 예상 13\.0건, 실제 2\.0건, 놓친 건수 11\.0건이에요\. 평균 요금을 적어 주세요 \/ earnings and lost profit are not computable/);
    expect(out.referenceWeeks.map((w: { revenue: number | null }) => w.revenue)).toEqual([null, null, null, null]);
    expect(JSON.stringify(out.assumptions)).not.toContain('the ticket you declared');

    const text = await cli(file);
    expect(text.code).toBe(0);
    // A designated driver reads their own words: 수입 and 평균 요금, not a shop's 매출 and 객단가.
    expect(text.stdout).toContain('수입을 계산할 수 없어요 / earnings not computable');
    expect(text.stdout).toContain('놓친 건수          11.0건');
    expect(text.stdout).toContain('잃은 이익 LP       계산할 수 없어요 (평균 요금이 필요해요)');
    expect(text.stdout).not.toMatch(/예상 수입 E|잃은 수입 LR|매출|객단가/);
  });

  it('impossible margins and unequal reference lists exit 2 naming the file, the field and the date', async () => {
    const doc = JSON.parse(readFileSync(join(EXAMPLES, 'driver-2022.claim.json'), 'utf8'));
    doc.parameters.margin.v = { value: 0.9, confirmed: true };
    doc.referenceDates.byWindowDate['2022-10-16'] = ['2022-10-02', '2022-09-25'];
    const file = join(tmp, 'bad-inputs.claim.json');
    writeFileSync(file, JSON.stringify(doc));
    const { code, stderr } = await cli(file);
    expect(code).toBe(2);
    expect(stderr).toContain(`${file}: parameters.margin.v.value: 변동비 v 90%와 수수료 c 20%의 합이 100%를 넘어요`);
    expect(stderr).toContain(`${file}: referenceDates.byWindowDate.2022-10-16: 2022-10-16의 기준일 수(2개)가 2022-10-15(4개)와 달라요`);
  });

  it('prints a readable Korean breakdown by default', async () => {
    const { code, stdout } = await cli(join(EXAMPLES, 'driver-2022.claim.json'));
    expect(code).toBe(0);
    expect(stdout).toContain('잃은 이익 LP       210,750원');
    expect(stdout).toContain('80% 범위 182,718원 ~ 238,782원');
    expect(stdout).toContain('범위의 근거        매주 수입의 흔들림(표준편차) 20,412원, 기준 주 4개로 80% 범위를 잡았어요');
    expect(stdout).toContain('청구 합계 D + I                224,490원');
    expect(stdout).toContain('2022-10-16(일) ← 2022-10-02, 2022-09-25, 2022-09-18, 2022-09-04');
    expect(stdout).toMatch(/^예상 수입 E +\S+원$/m);
    expect(stdout).toMatch(/^실제 수입 A +\S+원 \(다른 호출 경로 수입 포함\)$/m);
    expect(stdout).toMatch(/^잃은 수입 LR +\S+원$/m);
    expect(stdout).not.toMatch(/매출|객단가/);
  });

  it('a declared baseline is named in Korean, in the claimant\'s word, with no English tag', async () => {
    const doc = JSON.parse(readFileSync(join(EXAMPLES, 'driver-2022.claim.json'), 'utf8'));
    doc.records = doc.records.filter((r: { bucket: string }) => r.bucket >= '2022-10-15');
    doc.declaredBaseline = { entries: [{ weekday: 6, dayPart: 'evening', count: 8, averageTicket: 25_000 }] };
    doc.parameters = { ...doc.parameters, baseline: 'declared' };
    const file = join(tmp, 'driver-usual.claim.json');
    writeFileSync(file, JSON.stringify(doc));
    const { code, stdout } = await cli(file);
    expect(code).toBe(0);
    expect(stdout).toContain('기준: 직접 적은 평소 수입 (신고 기준선)');
    expect(stdout).not.toContain('declared');
  });

  it('two outage days a week apart are named each, not the week between them', async () => {
    const { code, stdout } = await cli(join(EXAMPLES, 'pc-cafe-lguplus-2023.claim.json'));
    expect(code).toBe(0);
    expect(stdout).toContain('청구 기간: 2023-01-29T00:00+09:00 ~ 2023-01-30T00:00+09:00, 2023-02-04T00:00+09:00 ~ 2023-02-05T00:00+09:00 (일 단위 2칸)');
  });

  it('a shop keeps its words: 매출 and 평균 객단가', async () => {
    const doc = JSON.parse(readFileSync(join(EXAMPLES, 'restaurant-hourly.claim.json'), 'utf8'));
    const { code, stdout } = await cli(join(EXAMPLES, 'restaurant-hourly.claim.json'));
    expect(code).toBe(0);
    expect(doc.claimant.kind).toBe('merchant');
    expect(stdout).toMatch(/^예상 매출 E +\S+원$/m);
    expect(stdout).toMatch(/^실제 매출 A +\S+원 \(다른 채널 매출 포함\)$/m);
    expect(stdout).toMatch(/^잃은 매출 LR +\S+원$/m);
    expect(stdout).not.toContain('수입');

    doc.records = doc.records.map((r: Record<string, unknown>) => ({ ...r, revenue: null }));
    delete doc.claimant.averageTicket;
    const file = join(tmp, 'shop-counts-only.claim.json');
    writeFileSync(file, JSON.stringify(doc));
    const counts = await cli(file);
    expect(counts.code).toBe(0);
    expect(counts.stdout).toContain('매출을 계산할 수 없어요 / sales not computable');
    expect(counts.stdout).toContain('잃은 이익 LP       계산할 수 없어요 (평균 객단가가 필요해요)');
  });

  it.each(['taxi-franchise.claim.json', 'restaurant-hourly.claim.json', 'cafe-daily.claim.json'])('estimates %s', async (file) => {
    const { code, stdout } = await cli(join(EXAMPLES, file), '--json');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.claimTotal).toBe(out.directTotal + out.indirectTotal);
    expect(out.lostProfit).toBeGreaterThan(0);
  });

  it('a missing file exits 2 naming the file, without a stack trace', async () => {
    const missing = join(tmp, 'nope.claim.json');
    const { code, stderr, stdout } = await cli(missing);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(missing);
    expect(stderr).toContain('ENOENT');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('invalid JSON exits 2 naming the file', async () => {
    const file = join(tmp, 'broken.claim.json');
    writeFileSync(file, '{ "format": "outage-loss-desk/claim", ');
    const { code, stderr } = await cli(file);
    expect(code).toBe(2);
    expect(stderr).toContain(`${file}: (파일 / file): JSON 형식이 아니에요 / not valid JSON`);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('a bad field exits 2 naming the file, the field path and the reason', async () => {
    const doc = JSON.parse(readFileSync(join(EXAMPLES, 'driver-2022.claim.json'), 'utf8'));
    doc.records[12].count = 'three';
    doc.claimant.mobile = '010-12-3456';
    const file = join(tmp, 'bad-field.claim.json');
    writeFileSync(file, JSON.stringify(doc));
    const { code, stderr } = await cli(file, '--json');
    expect(code).toBe(2);
    expect(stderr).toContain(`${file}: records[12].count: 숫자 값이어야 해요 / expected number`);
    expect(stderr).toContain(`${file}: claimant.mobile: 휴대전화 번호는 010-1234-5678 형식이어야 해요`);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('a newer formatVersion and bad options exit 2', async () => {
    const doc = JSON.parse(readFileSync(join(EXAMPLES, 'driver-2022.claim.json'), 'utf8'));
    doc.formatVersion = 9;
    const file = join(tmp, 'future.claim.json');
    writeFileSync(file, JSON.stringify(doc));
    const future = await cli(file);
    expect(future.code).toBe(2);
    expect(future.stderr).toContain(`${file}: formatVersion: 더 새 버전의 앱에서 만든 파일이에요`);
    const level = await cli(join(EXAMPLES, 'driver-2022.claim.json'), '--level', '0.9');
    expect(level.code).toBe(2);
    expect(level.stderr).toContain('--level');
    const none = await cli();
    expect(none.code).toBe(2);
  });
});
