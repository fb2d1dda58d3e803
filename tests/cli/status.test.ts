import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** `outage-desk status` as a user runs it: a child process on real files, in a far-away time zone. */
function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8', env: { ...process.env, TZ: 'America/Los_Angeles' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function claimFile(submissions: unknown[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'cli-status-'));
  const claim = JSON.parse(readFileSync('assets/examples/driver-2022.claim.json', 'utf8'));
  claim.submissions = submissions;
  const path = join(dir, 'claim.json');
  writeFileSync(path, JSON.stringify(claim, null, 2));
  return path;
}

const HASH = 'b'.repeat(64);

describe('outage-desk status', () => {
  it('prints the submissions, the gap against the engine figures, the next steps and a warned deadline', () => {
    const path = claimFile([
      { id: 's1', channel: 'kakao-2022-form', sentAt: '2022-10-31T10:00+09:00', reference: 'K-7', packetSha256: HASH, status: 'paid', offered: 100000, paid: 100000, notes: '문자로 안내받음' },
      { id: 's2', channel: 'damage365', status: 'draft', notes: '' },
    ]);
    const r = cli('status', path, '--today', '2022-11-01');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    // Loss model 7: claim total 224,490, lost profit 210,750 (what Kakao's form asked for).
    expect(r.out).toContain('청구 합계 / claim total 224,490원');
    expect(r.out).toContain('받은 금액 / paid 100,000원 · 아직 못 받은 차이 / gap 124,490원');
    expect(r.out).toContain('- s1 카카오 피해 접수 양식 (2022): 지급받음, 보냄 2022-10-31 10:00, 접수번호 K-7');
    expect(r.out).toContain('요청 210,750원 · 제안 100,000원 · 지급 100,000원 · 모자람 110,750원');
    expect(r.out).toContain(`보낸 묶음 SHA-256 ${HASH}`);
    expect(r.out).toMatch(/온라인피해365센터에 앞선 신청을 인용한 신청서를 내요.*\(이미 준비했어요\)/);
    expect(r.out).toContain('- 카카오 피해 접수 양식 (2022): 2022-10-19 ~ 2022-11-06, 5일 남았어요, 냈어요');
  });

  it('warns with "!" when the form closes within 7 days and nothing was sent; --json gives the same figures', () => {
    const path = claimFile([]);
    const r = cli('status', path, '--today', '2022-11-06');
    expect(r.code).toBe(0);
    expect(r.out).toContain('! 카카오 피해 접수 양식 (2022): 2022-10-19 ~ 2022-11-06, 오늘 마감이에요, 아직 내지 않았어요');
    expect(r.out).toContain('아직 기록한 신청이 없어요');
    const closed = cli('status', path, '--today', '2022-11-08');
    expect(closed.out).toContain('- 카카오 피해 접수 양식 (2022): 2022-10-19 ~ 2022-11-06, 마감됐어요 (2일 지남), 아직 내지 않았어요');

    const json = JSON.parse(cli('status', path, '--today', '2022-10-30', '--json').out);
    expect(json.gap).toMatchObject({ claimTotal: 224490, paidTotal: 0, gap: 224490 });
    expect(json.deadlines[0]).toMatchObject({ channel: 'kakao-2022-form', daysLeft: 7, warn: true, due: true });
  });

  it('bad input exits 2 with a message naming the file or the field, never a stack trace', () => {
    const missing = cli('status', '/nonexistent/claim.json');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('/nonexistent/claim.json: 파일을 읽을 수 없어요 / cannot read the file (ENOENT)');
    const bad = claimFile([{ id: 's1', channel: 'kakao-2022-form', status: 'paid', paid: -3, notes: '' }]);
    const r = cli('status', bad);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${bad}: submissions[0].paid: 금액은 0 이상이어야 해요 / amount must not be negative`);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(cli('status', bad, '--today', '2022-13-01').err).toContain('--today는 2022-11-01 형식의 날짜예요');
    expect(cli('status').code).toBe(2);
    expect(cli('status', bad, '--what').err).toContain('unknown option: --what');
  });
});
