import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { openApp, SLOW_TEST } from './fixtures';

const shots = 'tests/e2e/screenshots';

/** The CLI as a user runs it (a child process on real files). */
function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('after sending: record the packet, an offer and a payment, see the gap and the deadline warning, prepare the 365 Center packet that verifies', async ({ page }) => {
  test.setTimeout(SLOW_TEST);
  mkdirSync(shots, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'e2e-tracker-'));

  // The cafe example as a user's own claim, and the packet they sent to Kakao's form (made with the CLI).
  const claim = JSON.parse(readFileSync('assets/examples/cafe-daily.claim.json', 'utf8'));
  delete claim.example;
  claim.id = 'e2e-tracker-cafe';
  claim.title = '망원 카페 10월 15일 장애';
  writeFileSync(join(dir, 'claim.json'), JSON.stringify(claim, null, 2));
  const built = cli('packet', join(dir, 'claim.json'), '--channel', 'kakao-2022-form', '--out', join(dir, 'sent'), '--now', '2022-10-31T09:00+09:00');
  expect(built.err).toBe('');
  const sentZip = join(dir, 'sent', readdirSync(join(dir, 'sent'))[0]!);
  const sentHash = createHash('sha256').update(readFileSync(sentZip)).digest('hex');
  const claimTotal: number = JSON.parse(cli('status', join(dir, 'claim.json'), '--json', '--today', '2022-11-01').out).gap.claimTotal;
  const won = (n: number) => `${n.toLocaleString('en-US')}원`;

  // Five days before Kakao's form closes (2022-11-06), in Seoul.
  await page.clock.setFixedTime(new Date('2022-11-01T10:00:00+09:00'));
  await page.setViewportSize({ width: 1280, height: 900 });
  await openApp(page, '#/tracker');
  await expect(page.getByRole('heading', { level: 1, name: '신청 현황' })).toBeVisible();

  // The packet's claim is not in the app yet: choosing the packet offers to add it.
  const pick = async () => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '보낸 꾸러미 파일 고르기' }).click();
    await (await chooser).setFiles(sentZip);
  };
  await pick();
  await expect(page.getByTestId('packet-check')).toContainText(`지문 ${sentHash.slice(0, 12)}`);
  await page.getByRole('button', { name: '꾸러미의 신고서를 이 앱에 추가하기' }).click();
  await expect(page.getByTestId('tracker-claimed')).toHaveText(won(claimTotal));

  // On opening the app, the deadline warning is there (nothing sent yet, 5 days left).
  await page.reload();
  await page.locator('nav.sidenav').waitFor();
  const warning = page.getByRole('status').filter({ hasText: '마감이 가까운 신청이 있어요' });
  await expect(warning).toContainText('카카오 피해 접수 양식 (2022): 2022-11-06까지 (5일 남았어요)');
  await expect(page.getByTestId('deadline-kakao-2022-form')).toContainText('5일 남았어요');
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `${shots}/ko-tracker-warning.png`, fullPage: true });

  // Record the sent packet: channel and fingerprint come from the file.
  await pick();
  await expect(page.getByTestId('record-fingerprint')).toHaveText(sentHash);
  await expect(page.getByLabel('신청처')).toHaveValue('kakao-2022-form');
  await page.getByLabel('보낸 날짜').fill('2022-10-31');
  await page.getByLabel('보낸 시각').fill('09:30');
  await page.getByLabel('접수번호 (선택)').fill('KAKAO-2022-104233');
  await page.getByRole('button', { name: '기록하기' }).click();
  const card = page.getByTestId('submission-kakao-2022-form');
  await expect(card.getByTestId('sub-status')).toHaveText('보냄');
  await expect(card.getByTestId('sub-hash')).toHaveText(sentHash);
  await expect(card.getByTestId('sub-reference')).toHaveText('KAKAO-2022-104233');
  // Sent: the warning goes, the deadline says so.
  await expect(warning).toHaveCount(0);
  await expect(page.getByTestId('deadline-kakao-2022-form')).toContainText('냈어요');

  // An offer, then the payment.
  await card.getByText('답변 기록하기').click();
  await card.getByLabel('상태').selectOption('offer-made');
  await card.getByLabel('제안받은 금액 (원)').fill('30000');
  await card.getByRole('button', { name: '저장' }).click();
  await expect(card.getByTestId('sub-status')).toHaveText('보상 제안받음');
  await expect(page.getByText('아직 답하지 않은 제안 30,000원')).toBeVisible();

  await card.getByText('답변 기록하기').click();
  await card.getByLabel('상태').selectOption('paid');
  await card.getByLabel('지급받은 금액 (원)').fill('30,000');
  await card.getByRole('button', { name: '저장' }).click();
  await expect(card.getByTestId('sub-status')).toHaveText('지급받음');
  await expect(page.getByTestId('tracker-paid')).toHaveText('30,000원');
  await expect(page.getByTestId('tracker-gap')).toHaveText(won(claimTotal - 30_000));
  await expect(card.getByTestId('sub-paid')).toHaveText('30,000원');
  await expect(card.getByText(/받은 답이 요청한 금액보다 .+원 적어요/)).toBeVisible();
  await expect(card.getByTestId('step-damage365')).toContainText('먼저 해 볼 만해요');
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `${shots}/ko-tracker.png`, fullPage: true });

  // The 365 Center application from the same claim, citing the first submission.
  const download = page.waitForEvent('download');
  await card.getByTestId('step-damage365').getByRole('button', { name: '신청서 꾸러미 만들기' }).click();
  const file = await download;
  const escalationZip = join(dir, file.suggestedFilename());
  await file.saveAs(escalationZip);
  await expect(page.getByTestId('escalation-prepared')).toContainText(file.suggestedFilename());
  expect(file.suggestedFilename()).toMatch(/-damage365\.zip$/);
  const draft = page.getByTestId('submission-damage365');
  await expect(draft.getByTestId('sub-status')).toHaveText('준비 중');
  await expect(draft).toContainText(`보낸 묶음 SHA-256 ${sentHash}`);

  const verified = cli('verify', escalationZip);
  expect(verified.err).toBe('');
  expect(verified.code).toBe(0);
  expect(verified.out).toMatch(/^OK: .*\(damage365, 청구 e2e-tracker-cafe,/);
  const form = spawnSync('unzip', ['-p', escalationZip, 'form.txt'], { encoding: 'utf8' }).stdout;
  expect(form).toContain(`2022-10-31에 「카카오 피해 접수 양식 (2022)」에 신청했어요, 접수번호 KAKAO-2022-104233, 보낸 묶음 SHA-256 ${sentHash}, 결과: 지급받음, 제안 30,000원, 지급 30,000원.`);
  // The draft keeps the fingerprint of the packet made for it.
  const escalationHash = createHash('sha256').update(readFileSync(escalationZip)).digest('hex');
  await expect(draft.getByTestId('sub-hash')).toHaveText(escalationHash);

  // English.
  await page.getByRole('banner').getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tracker' })).toBeVisible();
  await expect(page.getByTestId('submission-kakao-2022-form').getByTestId('sub-status')).toHaveText('Paid');
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `${shots}/en-tracker.png`, fullPage: true });
});
