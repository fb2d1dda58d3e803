import { describe, expect, it } from 'vitest';
import { readBatchItem } from '../../../src/core/batch/batch';
import { BatchDecisionError, applyDecisions } from '../../../src/core/batch/dedupe';
import { BatchFileChangedError } from '../../../src/core/batch/run';
import { reasonIn, reasonLine } from '../../../src/core/batch/types';
import { workedExampleDriverClaim } from '../packet/fixtures';

/**
 * Issue 17, round 6: an invalid item's reasons travel as `{ ko, en }` texts. The written files and the CLI get
 * the joined "한국어 / English" line they always had (the expected lines below are the bytes main wrote before
 * the change); a screen gets one language only, with nothing of the other.
 */

const encode = (text: string) => new TextEncoder().encode(text);

const ROSTER = [
  '대표자,상호,사업자등록번호,휴대전화,시도,구분,평소매출,장애주매출,피해금액,계좌번호,은행',
  ',,,,서울,외계인,abc,,,,',
  '박다,다가게,220-81-62517,010-2222-3333,대구,소상공인,,,-5,111-222-333333,',
].join('\n');

const hangul = /[가-힣]/;

describe('invalid items: { ko, en } reasons, joined only where written', () => {
  it('a roster row: the written line keeps its bytes, each screen language shows only its own words', async () => {
    const item = await readBatchItem('명단.csv', encode(ROSTER));
    expect(item.invalid.map((i) => i.row)).toEqual([2, 3]);
    const [first, second] = item.invalid as [(typeof item.invalid)[number], (typeof item.invalid)[number]];
    expect(reasonLine(first)).toBe(
      '이름과 상호가 모두 비어 있어요 / both name and business name are empty; ' +
        '구분을 알 수 없어요: "외계인" (소상공인, 택시, 대리운전) / unknown claimant kind: "외계인" (merchant, taxi, designated driver); ' +
        '평소 매출 / usual sales: 금액이 숫자가 아니에요 / amount is not a number',
    );
    expect(reasonLine(second)).toBe('피해 금액 / loss: 금액이 음수예요 / amount is negative; 계좌번호가 있는데 은행이 비어 있어요 / an account number without its bank');
    // The column's label and the cell's reason are both in the reader's language (the joined line once showed
    // a Korean reader "평소 매출" alone).
    expect(reasonIn(first, 'ko')).toBe('이름과 상호가 모두 비어 있어요; 구분을 알 수 없어요: "외계인" (소상공인, 택시, 대리운전); 평소 매출: 금액이 숫자가 아니에요');
    expect(reasonIn(first, 'en')).toBe('both name and business name are empty; unknown claimant kind: "외계인" (merchant, taxi, designated driver); usual sales: amount is not a number');
    expect(reasonIn(second, 'en')).toBe('loss: amount is negative; an account number without its bank');
    for (const i of item.invalid) expect(reasonIn(i, 'ko')).not.toMatch(/ \/ |[a-z]{4,}/);
  });

  it('a claim file with more than five problems: the first five with their field paths, and how many more', async () => {
    const claim = { ...workedExampleDriverClaim(), id: '', title: 5, claimant: { kind: 'merchant' }, records: [{ amount: -1 }, { amount: 'x' }], window: { start: 'nope' } };
    const item = await readBatchItem('bad.claim.json', encode(JSON.stringify(claim)));
    const [invalid] = item.invalid;
    expect(invalid?.code).toBe('claim-invalid');
    expect(invalid!.reasons).toHaveLength(5);
    expect(invalid!.more).toBeGreaterThan(0);
    const line = reasonLine(invalid!);
    expect(line).toMatch(new RegExp(`^id: id가 비어 있어요 / id is empty; .* \\(\\+${invalid!.more}\\)$`));
    const en = reasonIn(invalid!, 'en');
    expect(en).toMatch(/^id: id is empty; /);
    expect(en).not.toMatch(hangul);
    expect(en.endsWith(` (+${invalid!.more})`)).toBe(true);
  });

  it('a file that is no batch item, and a file that cannot be a roster: one reason each', async () => {
    const unknown = await readBatchItem('random.bin', Uint8Array.from([1, 2, 3, 4, 5]));
    expect(reasonLine(unknown.invalid[0]!)).toBe('증빙 묶음(zip), 청구 파일(JSON), 회원 명단(CSV/XLSX) 중 어느 것도 아니에요 / not an evidence packet (zip), a claim file (JSON) or a member roster (CSV/XLSX)');
    expect(reasonIn(unknown.invalid[0]!, 'en')).toBe('not an evidence packet (zip), a claim file (JSON) or a member roster (CSV/XLSX)');
    const empty = await readBatchItem('빈.csv', new Uint8Array());
    expect(reasonLine(empty.invalid[0]!)).toBe('빈 파일이에요 / the file is empty');
    expect(reasonIn(empty.invalid[0]!, 'ko')).toBe('빈 파일이에요');
  });

  it('the batch errors carry { ko, en }; their message is the joined line the CLI prints', () => {
    const changed = new BatchFileChangedError('packets/a.zip');
    expect(changed.text).toEqual({ ko: '확인하는 동안 파일이 바뀌었어요: packets/a.zip', en: 'the file changed while the batch was running' });
    expect(changed.message).toBe('확인하는 동안 파일이 바뀌었어요: packets/a.zip / the file changed while the batch was running');
    let thrown: unknown;
    try {
      applyDecisions([], [], [{ a: 'A', b: 'B', action: 'keep-one', keep: 'A', reason: 'r', decidedAt: '2022-11-01T09:00+09:00', decidedBy: 'user' }]);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(BatchDecisionError);
    expect((thrown as BatchDecisionError).text).toEqual({ ko: '중복 후보에 없는 쌍이에요: A, B', en: 'not a duplicate pair of this batch: A, B' });
    expect((thrown as BatchDecisionError).message).toBe('중복 후보에 없는 쌍이에요: A, B / not a duplicate pair of this batch: A, B');
  });
});
