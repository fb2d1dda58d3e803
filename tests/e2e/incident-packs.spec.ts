import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { incidentOfStoredPack } from '../../src/core/incidents/authoring';
import { associationPack as readAssociationPack, associationPackJson } from '../fixtures/association-pack';
import { closeNotices, createClaimInUi, openApp, SLOW_STEP, SLOW_TEST } from './fixtures';

const dir = 'tests/e2e/screenshots';
async function shot(page: Page, name: string) {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}
const stepTitle = (page: Page, name: string) => page.getByRole('heading', { level: 3, name });
const next = (page: Page) => page.getByRole('button', { name: '다음', exact: true }).click();

/** An association's pack, as the pack form exports it (a real file on disk). */
const associationPack = associationPackJson();

test('import a pack file: a bad one is refused with its field path, a good one previewed, then a claim starts on it', async ({ page }) => {
  mkdirSync(dir, { recursive: true });
  const tmp = mkdtempSync(join(tmpdir(), 'packs-'));
  const good = join(tmp, '동네-인터넷-장애.json');
  writeFileSync(good, JSON.stringify(associationPack, null, 2));
  const bad = join(tmp, 'bad-pack.json');
  writeFileSync(bad, JSON.stringify({ ...associationPack, rules: [{ ...associationPack.rules[0], kind: 'lottery' }] }));

  await page.setViewportSize({ width: 1280, height: 900 });
  await openApp(page);
  await createClaimInUi(page, 'PC방 12월');
  await page.getByRole('radio', { name: /가게·식당 사장님/ }).check();
  await page.getByLabel('업종').selectOption('other');
  await page.getByLabel('대표자 이름').fill('최사장');
  await page.getByLabel('휴대전화').fill('01098765432');
  await page.getByLabel(/사업자등록번호/).fill('123-45-67891');
  await next(page);
  await expect(stepTitle(page, '어떤 장애로 손해를 봤나요?')).toBeVisible();
  await closeNotices(page);

  const fileInput = page.getByTestId('pack-file-input');
  await fileInput.setInputFiles(bad);
  const refused = page.getByRole('alert').filter({ hasText: '이 장애 팩은 가져올 수 없어요' });
  await expect(refused).toContainText('rules[0].kind');
  await expect(refused).toContainText('알 수 없는 규칙 종류예요');
  // Only the reader's language: the English half is not shown beside the Korean.
  await expect(refused).not.toContainText('unknown rule kind');
  await expect(page.getByRole('radio', { name: /동네 인터넷 장애/ })).toHaveCount(0);

  await fileInput.setInputFiles(good);
  const preview = page.getByRole('region', { name: '가져오기 전에 확인해요' });
  await expect(preview).toContainText('처음 가져오는 장애 팩이에요');
  await expect(preview).toContainText('동네 인터넷');
  await expect(preview).toContainText('2026년 12월 4일');
  await expect(preview).toContainText('정액 1인당 50,000원');
  await expect(preview).toContainText('온라인피해365센터');
  await shot(page, 'ko-packs-import-preview');
  await preview.getByRole('button', { name: '가져오기' }).click();

  // The imported pack is in the list, chosen, with its version; the claim starts on it.
  const radio = page.getByRole('radio', { name: /동네 인터넷 장애/ });
  await expect(radio).toBeChecked();
  await expect(radio.locator('xpath=..')).toContainText('가져온 팩');
  await closeNotices(page);
  await shot(page, 'ko-packs-chooser');
  await page.setViewportSize({ width: 360, height: 800 });
  await shot(page, 'ko-packs-chooser-phone');
  await page.setViewportSize({ width: 1280, height: 900 });
  await next(page);

  await expect(stepTitle(page, '어떤 서비스가 멈춰서 일을 못 했나요?')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /동네 인터넷/ })).toBeChecked();
  await next(page);
  await expect(stepTitle(page, '손님은 어떤 길로 들어오나요?')).toBeVisible();
  // The step waits for the stored pack before suggesting channels from it.
  await expect(page.getByRole('textbox', { name: /^채널 이름 \(/ })).toHaveCount(4);
  const labels = await page.getByRole('textbox', { name: /^채널 이름 \(/ }).evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  expect(labels).toEqual(['회선이 필요한 매출 (PC 이용·온라인 주문)', '카드 단말기 결제', '현금', '전화 주문']);
  await expect(page.getByText(/카카오/)).toHaveCount(0);
  await shot(page, 'ko-packs-channels');

  // The incident page shows the chosen outage and does not ask again.
  await page.getByRole('navigation', { name: '신고서 준비 단계' }).getByRole('link', { name: /장애/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: /동네 인터넷 장애/ })).toBeVisible();
  await expect(page.getByRole('radio')).toHaveCount(0);
});

test('a new outage, now: a claim for an outage that began an hour ago, from the incident page', async ({ page }) => {
  mkdirSync(dir, { recursive: true });
  await page.setViewportSize({ width: 360, height: 800 });
  await openApp(page);
  await createClaimInUi(page, '배달 오늘');
  await page.evaluate(() => { window.location.hash = '#/incident'; });
  await page.getByRole('radio', { name: /새 장애, 지금 시작/ }).check();
  // An hour ago, in KST (the page runs in Asia/Seoul; the value is what a user would type).
  const hourAgo = new Date(Date.now() + 9 * 3_600_000 - 3_600_000).toISOString();
  await page.getByLabel('시작 날짜', { exact: true }).fill(hourAgo.slice(0, 10));
  await page.getByLabel('시작 시각', { exact: true }).fill(hourAgo.slice(11, 16));
  await page.getByLabel('멈춘 서비스 (한 줄에 하나)').fill('배달 앱 주문 접수');
  await closeNotices(page);
  await shot(page, 'ko-packs-new-outage-phone');
  await page.getByRole('button', { name: '이 장애로 정하기' }).click();

  await expect(page.getByRole('heading', { level: 2, name: /배달 앱 주문 접수 장애/ })).toBeVisible();
  const item = page.getByRole('heading', { level: 3, name: /배달 앱 주문 접수/ }).locator('xpath=ancestor::li[1]');
  await expect(item).toContainText(hourAgo.slice(11, 16));
  await expect(page.getByText(/아직 끝나지 않은 장애예요/)).toBeVisible();
  await shot(page, 'ko-packs-new-outage-chosen-phone');
});

test('an association writes a pack in the form and exports the file; a member imports that file', async ({ page }) => {
  mkdirSync(dir, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await openApp(page);
  await createClaimInUi(page, '상인회 회원');
  await page.evaluate(() => { window.location.hash = '#/incident'; });
  await page.getByRole('button', { name: '장애 팩 만들기 (협회·단체용)' }).click();
  const form = page.getByRole('form', { name: '장애 팩 만들기' });
  // Empty: refused, each problem with its field.
  await form.getByRole('button', { name: '장애 팩 파일 내보내기' }).click();
  await expect(form.getByRole('alert')).toContainText('incident.name.ko');
  await expect(form.getByRole('alert')).toContainText('services[0].intervals[0].start');

  await form.getByLabel('팩 이름표 (영문·숫자, 예: assoc-isp-2026-12)').fill('assoc-pos-2026-12');
  await form.getByLabel('만든 곳').fill('동네상인회');
  await form.getByLabel('장애 이름 (한국어)').fill('포스 결제 장애 (2026년 12월)');
  await form.getByLabel('요약 (한국어)').fill('저녁 시간 포스 결제가 멈췄어요');
  await form.getByLabel('출처 1: 매체·기관').fill('상인회 공지');
  await form.getByLabel('출처 1: 기사 번호나 주소').fill('notice-9');
  await form.getByLabel('서비스 1 이름 (한국어)').fill('포스 결제');
  await form.getByLabel('서비스 1 종류').selectOption('payment');
  await form.getByLabel('서비스 1 시작').fill('2026-12-03T18:00');
  await form.getByLabel('서비스 1 끝 (비우면 진행 중)').fill('2026-12-03T20:30');
  await form.getByRole('button', { name: '보상 기준 더하기' }).click();
  await form.getByLabel('기준 1 이름 (한국어)').fill('가게당 3만 원');
  await form.getByLabel('기준 1: 1인당 금액 (원)').fill('30000');
  const downloading = page.waitForEvent('download');
  await form.getByRole('button', { name: '장애 팩 파일 내보내기' }).click();
  const download = await downloading;
  const file = join(mkdtempSync(join(tmpdir(), 'pack-export-')), download.suggestedFilename());
  await download.saveAs(file);
  await expect(form).toContainText('정액 1인당 30,000원');
  await closeNotices(page);
  await shot(page, 'ko-packs-author');
  await page.setViewportSize({ width: 360, height: 800 });
  await shot(page, 'ko-packs-author-phone');
  await page.setViewportSize({ width: 1280, height: 900 });
  await form.getByRole('button', { name: '닫기' }).click();

  // The member's side: the exported file imports and is chosen for the claim.
  await page.getByTestId('pack-file-input').setInputFiles(file);
  const preview = page.getByRole('region', { name: '가져오기 전에 확인해요' });
  await expect(preview).toContainText('포스 결제 장애 (2026년 12월)');
  await expect(preview).toContainText('2026년 12월 3일');
  await preview.getByRole('button', { name: '가져오기' }).click();
  await expect(page.getByRole('radio', { name: /포스 결제 장애/ })).toBeChecked();
  await page.getByRole('button', { name: '이 장애로 정하기' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /포스 결제 장애/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /포스 결제 장애/ })).toContainText('가져온 팩');
});

test('a claim on an imported pack: its fixed-amount rule on the estimate screen, a packet that carries the pack and verifies', async ({ page }) => {
  test.setTimeout(SLOW_TEST);
  mkdirSync(dir, { recursive: true });
  const tmp = mkdtempSync(join(tmpdir(), 'pack-claim-'));
  const packFile = join(tmp, '동네-인터넷-장애.json');
  writeFileSync(packFile, JSON.stringify(associationPack, null, 2));

  // The member's claim file for that outage: a PC cafe's daily sales before and on the day (Friday 2026-12-04).
  const pack = readAssociationPack();
  const example = JSON.parse(readFileSync('assets/examples/pc-cafe-lguplus-2023.claim.json', 'utf8')) as Record<string, unknown> & { claimant: Record<string, unknown> };
  delete example.example;
  const records: object[] = [];
  for (let day = Date.parse('2026-10-01T00:00:00Z'); day <= Date.parse('2026-12-05T00:00:00Z'); day += 86_400_000) {
    const date = new Date(day).toISOString().slice(0, 10);
    const count = date === '2026-12-04' ? 31 : 80 + (day / 86_400_000) % 7;
    records.push({ bucket: date, channel: 'pos', count, revenue: count * 4_000, provenance: { kind: 'reconstructed', note: 'POS 일별 매출에서 옮김' } });
  }
  const claim = {
    ...example,
    id: 'assoc-member-2026-12',
    title: '상인회 회원 PC방',
    incident: incidentOfStoredPack(pack, Date.parse('2026-12-05T09:00:00+09:00')),
    claimant: { ...example.claimant, servicesUsed: ['service-1'] },
    records,
    referenceDates: { byWindowDate: {}, abnormalDates: [] },
    ruleInputs: {},
    evidence: [],
  };

  await page.setViewportSize({ width: 1280, height: 900 });
  await openApp(page);
  await createClaimInUi(page, '임시 신고서');
  await page.evaluate(() => { window.location.hash = '#/incident'; });
  await page.getByTestId('pack-file-input').setInputFiles(packFile);
  const preview = page.getByRole('region', { name: '가져오기 전에 확인해요' });
  await expect(preview).toContainText('정액 1인당 50,000원');
  await preview.getByRole('button', { name: '가져오기' }).click();
  await expect(page.getByRole('radio', { name: /동네 인터넷 장애/ })).toBeChecked();

  await page.goto('/#/records');
  const opening = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '신고서 파일 열기 (.claim.json)' }).click();
  await (await opening).setFiles({ name: 'member.claim.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(claim)) });
  await expect(page.locator('.current-claim')).toContainText('상인회 회원 PC방');

  // The estimate screen shows the stored pack's rule and its figure beside the app's estimate.
  await page.goto('/#/estimate');
  const gap = page.getByTestId('rule-gap-rule-1');
  await expect(gap).toContainText('회사 기준 보상액은 50,000원');
  await closeNotices(page);
  await shot(page, 'ko-packs-imported-rule-estimate');

  // The export page offers the pack's channels; the packet carries the pack and verifies.
  await page.goto('/#/export');
  const chooser = page.getByRole('group', { name: '어디에 신고하나요' });
  await expect(chooser.getByRole('radio', { name: /온라인피해365센터/ })).toBeChecked();
  await expect(chooser).not.toContainText('카카오');
  const downloading = page.waitForEvent('download', { timeout: SLOW_STEP });
  await page.getByRole('button', { name: '증빙 묶음 만들기' }).click();
  const download = await downloading;
  const zip = join(tmp, download.suggestedFilename());
  await download.saveAs(zip);
  const listing = execFileSync('unzip', ['-l', zip], { encoding: 'utf8' });
  expect(listing).toContain('incident-pack.json');
  expect(JSON.parse(execFileSync('unzip', ['-p', zip, 'incident-pack.json'], { encoding: 'utf8' }))).toEqual(pack);
  const verify = spawnSync('npx', ['tsx', 'src/cli/main.ts', 'verify', zip], { encoding: 'utf8' });
  expect(verify.stdout + verify.stderr).toContain('OK');
  expect(verify.status).toBe(0);
  const report = execFileSync('sh', ['-c', `unzip -p "${zip}" report.pdf | pdftotext -layout - -`], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(report).toContain('가게당 정액: 50,000원');
});
