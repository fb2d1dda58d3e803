import { describe, expect, it } from 'vitest';
import { MAX_SCREENSHOT_BYTES, ScreenshotError, checkScreenshotBytes, midnightOffsets, proposeRecords, readScreenshot, toActivityRecord, type OcrEngine, type OcrPass, type OcrWord } from '../../../src/core/screenshots';
import { activityRecordSchema } from '../../../src/core/model/record';
import { recordsCsv } from '../../../src/core/packet/csv';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

/** Words laid out as rows: each row a list of [text, x, confidence]; rows 40 px apart, 30 px tall. */
function pass(rows: [string, number, number?][][]): OcrPass {
  const words: OcrWord[] = [];
  rows.forEach((row, i) => {
    for (const [text, x, confidence = 95] of row) words.push({ text, confidence, bbox: { x0: x, y0: 40 * i, x1: x + 10 * text.length, y1: 40 * i + 30 } });
  });
  return { words };
}

function engine(korean: OcrPass, latin: OcrPass): OcrEngine {
  return { recognize: async (_image, model) => (model === 'korean' ? korean : latin) };
}

const tripRows = (trips: [string, string][], summary: [string, string]): [string, number, number?][][] => [
  [['2022.10.14', 300], ['(금)', 420]],
  [[summary[0], 80], ['건', 130], [summary[1], 780], ['원', 900]],
  ...trips.map(([time, fare]): [string, number, number?][] => [[time, 60], ['마곡동', 200], ['→', 300], ['화곡동', 330], [fare, 800], ['원', 900]]),
];

describe('readScreenshot (pure, engine passed in)', () => {
  it('reads a night shift: trips after midnight belong to the next date, the total confirms the fares', async () => {
    const rows = tripRows([['22:10', '12,000'], ['23:40', '8,500'], ['00:15', '20,100'], ['01:05', '9,000']], ['4', '49,600']);
    const reading = await readScreenshot(PNG, 'night.png', engine(pass(rows), pass(rows)));
    expect(reading.layout).toBe('trip-list');
    expect(reading.rows.map((r) => [r.date.value, r.time?.value, r.amount.value])).toEqual([
      ['2022-10-14', '22:10', 12000],
      ['2022-10-14', '23:40', 8500],
      ['2022-10-15', '00:15', 20100],
      ['2022-10-15', '01:05', 9000],
    ]);
    expect(reading.checks).toEqual([expect.objectContaining({ ok: true })]);
    expect(reading.rows.every((r) => !r.amount.flagged && !r.time!.flagged)).toBe(true);

    const { records } = proposeRecords([{ name: 'night.png', sha256: 'a'.repeat(64), reading }]);
    expect(records.map((r) => [r.date, r.hour, r.count, r.fare])).toEqual([
      ['2022-10-14', 22, 1, 12000],
      ['2022-10-14', 23, 1, 8500],
      ['2022-10-15', 0, 1, 20100],
      ['2022-10-15', 1, 1, 9000],
    ]);
    const saved = toActivityRecord(records[2]!, 'kakao-t');
    expect(activityRecordSchema.parse(saved)).toMatchObject({ bucket: '2022-10-15T00:00+09:00', count: 1, revenue: 20100, provenance: { kind: 'reconstructed', screenshotSha256: 'a'.repeat(64) } });
    // The packet's records.csv says which screenshot each record came from (by its hash) and how sure the reading was.
    const csv = new TextDecoder().decode(recordsCsv([saved]));
    expect(csv).toContain(`2022-10-15 00:00,kakao-t,1,20100,나중에 재구성한 기록,,${'a'.repeat(64)},,운행·매출 화면 캡처에서 읽음 · 글자 인식으로 읽고 사람이 확인함 (인식 신뢰도 95/100)\r\n`);
  });

  it('a list newest first wraps the other way', () => {
    expect(midnightOffsets(['01:05', '00:15', '23:40', '22:10'])).toEqual([1, 1, 0, 0]);
    expect(midnightOffsets(['22:10', null, '00:15'])).toEqual([0, 0, 1]);
    expect(midnightOffsets(['00:03', '00:50', '08:40'])).toEqual([0, 0, 0]);
  });

  it('flags a fare the two readings disagree on, and the failed total check says so', async () => {
    const korean = tripRows([['09:10', '12,000'], ['09:40', '8,500']], ['2', '20,500']);
    const latin = tripRows([['09:10', '12,000'], ['09:40', '6,500']], ['2', '20,500']);
    latin[3]![4] = ['6,500', 800, 60];
    korean[3]![4] = ['8,500', 800, 70];
    const reading = await readScreenshot(PNG, 'x.png', engine(pass(korean), pass(latin)));
    // The surer reading is taken, and 12,000 + 8,500 matches the screen's total, which confirms it.
    expect(reading.rows[1]!.amount).toMatchObject({ value: 8500, flagged: false });
    expect(reading.checks[0]).toMatchObject({ ok: true });
    // With a total that does not match, the disagreement stays flagged.
    const wrongTotal = tripRows([['09:10', '12,000'], ['09:40', '8,500']], ['2', '20,700']);
    wrongTotal[3]![4] = ['8,500', 800, 70];
    const latin2 = tripRows([['09:10', '12,000'], ['09:40', '6,500']], ['2', '20,700']);
    latin2[3]![4] = ['6,500', 800, 60];
    const doubtful = await readScreenshot(PNG, 'x.png', engine(pass(wrongTotal), pass(latin2)));
    expect(doubtful.checks[0]).toMatchObject({ ok: false });
    expect(doubtful.rows[1]!.amount).toMatchObject({ value: 8500, flagged: true, reason: { en: 'the two readings differ' } });
    expect(doubtful.rows[0]!.amount.flagged).toBe(false);
  });

  it('a value read only once and unsure is flagged; a missing time is flagged, not guessed', async () => {
    const korean = tripRows([['09:10', '12,000'], ['x', '7,000']], ['2', '19,100']);
    const latin = pass([[['2022.10.14', 300]]]);
    korean[3]![4] = ['7,000', 800, 40];
    const reading = await readScreenshot(PNG, 'x.png', engine(pass(korean), latin));
    expect(reading.rows[1]!.time).toMatchObject({ value: '', flagged: true, reason: { en: 'could not read it' } });
    expect(reading.rows[1]!.amount).toMatchObject({ value: 7000, flagged: true });
  });

  it('reads a card-sales table and a month summary per day', async () => {
    const card = pass([
      [['승인일자', 20], ['건수', 400], ['승인금액', 700]],
      [['2022-09-01', 20], ['8', 450], ['74,040', 750]],
      [['2022-09-02', 20], ['40', 440], ['478,700', 740]],
    ]);
    const reading = await readScreenshot(PNG, 'card.png', engine(card, card));
    expect(reading.layout).toBe('card-sales');
    expect(reading.rows.map((r) => [r.date.value, r.count.value, r.amount.value])).toEqual([
      ['2022-09-01', 8, 74040],
      ['2022-09-02', 40, 478700],
    ]);
    const month = pass([
      [['2022', 280], ['년', 340], ['9', 380], ['월', 400]],
      [['운행', 50], ['300', 110], ['건', 160], ['3,786,980', 490], ['원', 640]],
      [['09.01', 40], ['(목)', 120], ['21', 320], ['건', 350], ['289,460', 540], ['원', 650]],
    ]);
    const m = await readScreenshot(PNG, 'month.png', engine(month, month));
    expect(m.layout).toBe('month-summary');
    expect(m.rows.map((r) => [r.date.value, r.count.value, r.amount.value])).toEqual([['2022-09-01', 21, 289460]]);
  });

  it('bad input: a PDF renamed .png, a 30 MB file, noise, a trip list cropped above its date', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.7 ...');
    expect(() => checkScreenshotBytes(pdf, '운행.png')).toThrow(/운행\.png: .*PDF.* \/ 운행\.png: .*PDF/);
    const big = new Uint8Array(MAX_SCREENSHOT_BYTES + 1);
    big.set(PNG);
    expect(() => checkScreenshotBytes(big, 'big.png')).toThrow(/big\.png: 15\.0 MB.*15 MB/);
    expect(() => checkScreenshotBytes(new TextEncoder().encode('hello'), 'a.jpg')).toThrow(ScreenshotError);

    const noise = pass([[['오늘', 10], ['날씨', 80]], [['12', 10], ['맑음', 60]]]);
    await expect(readScreenshot(PNG, 'cat.png', engine(noise, noise))).rejects.toMatchObject({ code: 'not-a-trip-history' });
    const cropped = tripRows([['09:10', '12,000']], ['1', '12,000']).slice(1);
    await expect(readScreenshot(PNG, 'cut.png', engine(pass(cropped), pass(cropped)))).rejects.toMatchObject({ code: 'no-date' });
  });
});
