import { E2E_BASE_URL } from '../../playwright.config';
import { mkdirSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { closeNotices, createClaimInUi, openApp, SLOW_STEP, SLOW_TEST } from './fixtures';

const shots = 'tests/e2e/screenshots';

/** An example claim as a claim file, optionally without its records, as someone would bring from another machine. */
function claimFile(name: string, title: string, keepRecords: boolean): { name: string; mimeType: string; buffer: Buffer } {
  const claim = JSON.parse(readFileSync(`assets/examples/${name}`, 'utf8')) as Record<string, unknown>;
  delete claim.example;
  // Its evidence stays listed; the files themselves are not in a claim file (the app says so when opening it).
  const body = { ...claim, title, records: keepRecords ? claim.records : [] };
  return { name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(body)) };
}

function sample(name: string) {
  return { name, mimeType: name.endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv', buffer: readFileSync(`assets/samples/${name}`) };
}

/** A new empty claim becomes current; the records page then offers to open a claim file (the browser bridge's hidden input). */
async function openClaimFile(page: Page, file: ReturnType<typeof claimFile>, placeholder: string) {
  await openApp(page, '#/claimant');
  await createClaimInUi(page, placeholder);
  await page.goto('/#/records');
  await expect(page.getByRole('heading', { name: '판매 채널을 먼저 정해 주세요' })).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '신고서 파일 열기 (.claim.json)' }).click();
  await (await chooser).setFiles(file);
  await expect(page.getByRole('tablist', { name: '채널' })).toBeVisible();
}

async function pickImportFile(page: Page, file: ReturnType<typeof sample>) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '파일 고르기' }).click();
  await (await chooser).setFiles(file);
}

async function shot(page: Page, name: string) {
  await closeNotices(page);
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

test.beforeAll(() => mkdirSync(shots, { recursive: true }));

test('restaurant: the CP949 POS export through the worker (똠 햏 뷁 intact), a grid edit kept after reload, the same file refused', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await openClaimFile(page, claimFile('restaurant-hourly.claim.json', '판교 똠얌꿍하우스', false), '임시 신고서');

  await page.getByRole('link', { name: '파일 가져오기' }).click();
  await expect(page.getByRole('heading', { name: '가져올 파일을 골라 주세요' })).toBeVisible();
  await closeNotices(page);
  await shot(page, 'ko-import-1-file');
  await pickImportFile(page, sample('pos-hourly-2022-restaurant.csv'));

  await expect(page.getByRole('heading', { name: '어느 열이 무엇인지 확인해 주세요' })).toBeVisible();
  await expect(page.getByText('CP949 (한국어 Excel·POS 형식)')).toBeVisible();
  const preview = page.getByRole('table', { name: /처음 8행 미리 보기/ });
  await expect(preview.getByRole('cell', { name: '똠얌꿍하우스 햏복점' })).toHaveCount(8);
  await expect(preview.getByRole('cell', { name: '신메뉴 뷁볶음밥 출시' })).toBeVisible();
  await shot(page, 'ko-import-2-columns');

  await page.getByRole('button', { name: '다음: 채널 맞추기' }).click();
  await expect(page.getByRole('combobox', { name: '「카카오페이」의 신고서 채널' })).toHaveValue('kakao-pay');
  await shot(page, 'ko-import-3-channels');
  await page.getByRole('button', { name: '다음: 문제 있는 행' }).click();
  await expect(page.getByText('읽지 못한 행이 없어요.')).toBeVisible();
  await page.getByRole('button', { name: '다음: 겹침 확인' }).click();
  await expect(page.getByText('이미 있는 기록과 겹치지 않아요.')).toBeVisible();
  await shot(page, 'ko-import-5-store');
  await page.getByRole('button', { name: '기록 1446건 저장하기' }).click();
  await expect(page.getByRole('heading', { name: '가져왔어요' })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: 'pos-hourly-2022-restaurant.csv' })).toBeVisible();
  await closeNotices(page);
  await shot(page, 'ko-import-6-done');

  // The grid: kakao-pay on 1 Sep 2022 11:00 came from the file (2 orders); change the 12:00 cell.
  await page.getByRole('button', { name: '표에서 확인하기' }).click();
  await page.getByRole('textbox', { name: '시작' }).fill('2022-09-01');
  await page.getByRole('textbox', { name: '끝' }).fill('2022-09-07');
  await page.getByRole('tab', { name: /카카오페이/ }).click();
  const grid = page.getByRole('grid', { name: /카카오페이 건수/ });
  await expect(grid.getByRole('row').nth(1).getByRole('gridcell').nth(11)).toHaveText('2');
  await grid.getByRole('row').nth(1).getByRole('gridcell').nth(12).click();
  await page.keyboard.type('9');
  await page.keyboard.press('Enter');
  await expect(grid.getByRole('row').nth(1).getByRole('gridcell').nth(12)).toHaveText('9');
  await expect(page.getByText('모두 저장했어요.')).toBeVisible();
  await page.keyboard.type('abc');
  await page.keyboard.press('Enter');
  await expect(page.getByText(/2022-09-02 \(금\) 12시 건수: 숫자가 아니에요/)).toBeVisible();
  await closeNotices(page);
  await shot(page, 'ko-records-grid');

  // Ctrl+V of a block copied elsewhere, Ctrl+C back (the real clipboard of Chromium).
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: E2E_BASE_URL });
  await page.evaluate(() => navigator.clipboard.writeText('5\t6\r\n7\t"1,000"\r\n'));
  await grid.getByRole('row').nth(4).getByRole('gridcell').nth(14).click();
  await page.keyboard.press('Control+V');
  await expect(grid.getByRole('row').nth(5).getByRole('gridcell').nth(15)).toHaveText('1,000');
  await expect(grid.getByRole('row').nth(4).getByRole('gridcell').nth(14)).toHaveText('5');
  await page.keyboard.press('Control+C');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('5\t6\r\n7\t1000\r\n');

  await page.reload();
  await page.getByRole('textbox', { name: '시작' }).fill('2022-09-01');
  await page.getByRole('textbox', { name: '끝' }).fill('2022-09-07');
  await page.getByRole('tab', { name: /카카오페이/ }).click();
  const again = page.getByRole('grid', { name: /카카오페이 건수/ });
  await expect(again.getByRole('row').nth(1).getByRole('gridcell').nth(12)).toHaveText('9');
  await expect(again.getByRole('row').nth(2).getByRole('gridcell').nth(12)).not.toHaveText('abc');

  // The same file again is refused up front.
  await page.getByRole('link', { name: '파일 가져오기' }).click();
  await pickImportFile(page, sample('pos-hourly-2022-restaurant.csv'));
  await expect(page.getByText(/이미 가져온 파일이에요 'pos-hourly-2022-restaurant\.csv'/)).toBeVisible();
  await expect(page.getByRole('heading', { name: '가져올 파일을 골라 주세요' })).toBeVisible();
});

test('driver: trip history by the file chooser with an overlap choice, broken rows fixed and skipped, the quick log', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await openClaimFile(page, claimFile('driver-2022.claim.json', '김대리 10월 장애', true), '임시 신고서');
  await page.getByRole('link', { name: '파일 가져오기' }).click();
  await pickImportFile(page, sample('kakao-t-trip-history-2022.csv'));
  await expect(page.getByText('UTF-8 (BOM 있음)')).toBeVisible();
  await page.getByRole('button', { name: '다음: 채널 맞추기' }).click();
  await expect(page.getByRole('combobox', { name: '「티맵대리」의 신고서 채널' })).toHaveValue('other-app');
  await page.getByRole('button', { name: '다음: 문제 있는 행' }).click();
  await page.getByRole('button', { name: '다음: 겹침 확인' }).click();
  await expect(page.getByText(/개 구간이 이미 있는 기록과 겹쳐요/)).toBeVisible();
  await page.getByRole('radio', { name: /있는 기록 두기/ }).check();
  await shot(page, 'ko-import-5-overlap');
  await page.getByRole('button', { name: '기록 172건 저장하기' }).click();
  await expect(page.getByText(/겹친 새 기록 \d+건은 넣지 않았어요/)).toBeVisible();

  // Broken rows: the rows step lists each problem with its row number.
  await page.getByRole('button', { name: '다른 파일 가져오기' }).click();
  await pickImportFile(page, sample('broken-rows.csv'));
  await page.getByRole('button', { name: '다음: 채널 맞추기' }).click();
  await page.getByRole('combobox', { name: '「전화」의 신고서 채널' }).selectOption('other-app');
  await page.getByRole('button', { name: '다음: 문제 있는 행' }).click();
  const errors = page.locator('table.row-errors');
  await expect(errors.getByRole('rowheader')).toHaveText(['4', '5', '6', '7', '8', '9']);
  await closeNotices(page);
  await shot(page, 'ko-import-4-rows');
  await page.getByRole('textbox', { name: '4행 일자 값 고치기' }).fill('2022-10-10');
  await page.getByRole('textbox', { name: '4행 일자 값 고치기' }).press('Enter');
  await expect(errors.getByRole('rowheader')).toHaveText(['5', '6', '7', '8', '9']);
  await page.getByRole('button', { name: '남은 5개 행 모두 건너뛰기' }).click();
  await expect(page.getByText('읽지 못한 행이 없어요.')).toBeVisible();

  // Quick log: two taps and a missed call, one taken back.
  await page.getByRole('link', { name: '빠른 기록' }).click();
  await page.getByRole('button', { name: '운행 시작 (숫자 키 켜기)' }).click();
  await page.getByLabel('운임 (선택)').fill('18,000');
  await page.getByRole('button', { name: /카카오 T 대리 완료 콜/ }).click();
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('1');
  await page.keyboard.press('Shift+Digit2');
  await expect(page.getByRole('list', { name: /기록 3건/ }).getByRole('listitem')).toHaveCount(3);
  await page.keyboard.press('Backspace');
  await expect(page.getByRole('list', { name: /기록 2건/ }).getByRole('listitem')).toHaveCount(2);
  await closeNotices(page);
  await shot(page, 'ko-records-quick');
});

test('cafe: the card-sales XLSX dropped onto the page, into a daily claim', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await openClaimFile(page, claimFile('cafe-daily.claim.json', '연남동 카페', false), '임시 신고서');
  // Dropped onto the records page (here while the grid is shown): the wizard opens with the file.
  const file = sample('card-sales-daily-2022.xlsx');
  const dataTransfer = await page.evaluateHandle(({ b64, name }) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([bytes], name));
    return dt;
  }, { b64: file.buffer.toString('base64'), name: file.name });
  await page.locator('.records-page').dispatchEvent('dragover', { dataTransfer });
  await page.locator('.records-page').dispatchEvent('drop', { dataTransfer });
  await expect(page.getByText('Excel 통합 문서 (.xlsx)')).toBeVisible();
  await expect(page.getByRole('combobox', { name: '시트' })).toHaveValue('일별 승인내역');
  await page.getByRole('button', { name: '다음: 채널 맞추기' }).click();
  await expect(page.getByRole('combobox', { name: '「(채널 없음)」의 신고서 채널' })).toHaveValue('card');
  await page.getByRole('button', { name: '다음: 문제 있는 행' }).click();
  await page.getByRole('button', { name: '다음: 겹침 확인' }).click();
  await page.getByRole('button', { name: '기록 61건 저장하기' }).click();
  await expect(page.getByText('「card-sales-daily-2022.xlsx」에서 기록 61건을 저장했어요.').first()).toBeVisible();
  await page.getByRole('button', { name: '표에서 확인하기' }).click();
  await page.getByRole('textbox', { name: '시작' }).fill('2022-09-01');
  await page.getByRole('textbox', { name: '끝' }).fill('2022-10-31');
  // Thursday 1 Sep 2022: 34 approvals minus 2 cancellations.
  const grid = page.getByRole('grid', { name: /건수/ });
  await expect(grid.getByRole('row').nth(1).getByRole('gridcell').nth(3)).toContainText('32');
  await closeNotices(page);
  await shot(page, 'ko-records-grid-daily');
});

test('English screenshots: grid, quick log, wizard steps', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await openClaimFile(page, claimFile('driver-2022.claim.json', 'Kim, designated driver', true), 'temporary');
  await page.getByRole('banner').getByRole('button', { name: 'English' }).click();
  await page.getByRole('textbox', { name: 'From' }).fill('2022-10-01');
  await expect(page.getByRole('grid', { name: /Count entry table/ })).toBeVisible();
  await closeNotices(page);
  await shot(page, 'en-records-grid');
  await page.getByRole('link', { name: 'Quick log' }).click();
  await page.getByRole('button', { name: /completed call/ }).first().click();
  await page.getByRole('button', { name: /missed call/ }).last().click();
  await closeNotices(page);
  await shot(page, 'en-records-quick');
  await page.getByRole('link', { name: 'Import a file' }).click();
  await shot(page, 'en-import-1-file');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose a file' }).click();
  await (await chooser).setFiles(sample('broken-rows.csv'));
  await expect(page.getByRole('heading', { name: 'Check which column is which' })).toBeVisible();
  await shot(page, 'en-import-2-columns');
  await page.getByRole('button', { name: 'Next: channels' }).click();
  await page.getByRole('combobox', { name: 'Claim channel for “전화”' }).selectOption('other-app');
  await shot(page, 'en-import-3-channels');
  await page.getByRole('button', { name: 'Next: problem rows' }).click();
  await page.getByRole('button', { name: 'Skip row 9' }).click();
  await expect(page.locator('table.row-errors').getByRole('rowheader')).toHaveText(['4', '5', '6', '7', '8']);
  await closeNotices(page);
  await shot(page, 'en-import-4-rows');
  await page.getByRole('button', { name: /Skip all 5 remaining rows/ }).click();
  await page.getByRole('button', { name: 'Next: overlaps' }).click();
  await expect(page.getByRole('button', { name: /Save \d+ records/ })).toBeVisible();
  await shot(page, 'en-import-5-store');
});

test('two years of hourly records for five channels: imported through the worker, the grid stays virtual and keeps a typed cell', async ({ page }) => {
  test.setTimeout(SLOW_TEST);
  await page.setViewportSize({ width: 1280, height: 900 });
  const claim = JSON.parse(readFileSync('assets/examples/restaurant-hourly.claim.json', 'utf8')) as { claimant: { salesChannels: unknown[] } } & Record<string, unknown>;
  delete claim.example;
  claim.claimant.salesChannels = [...claim.claimant.salesChannels, { id: 'phone', label: '전화 주문', isPlatform: false }];
  await openClaimFile(page, { name: 'big.claim.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...claim, title: '2년 기록', records: [] })) }, '임시 신고서');

  const channels = ['card', 'kakao-pay', 'talk-channel-order', 'cash', 'phone'];
  const lines = ['일자,시간,건수,매출액,채널'];
  const day0 = Date.UTC(2021, 0, 1);
  for (let d = 0; d < 730; d++) {
    const date = new Date(day0 + d * 86_400_000).toISOString().slice(0, 10);
    for (let h = 0; h < 24; h++) for (const [i, c] of channels.entries()) lines.push(`${date},${h},${(d + h + i) % 7},${((d + h + i) % 7) * 12000},${c}`);
  }
  await page.getByRole('link', { name: '파일 가져오기' }).click();
  // Each step waits on the screen's state; how long they take is the bench's business (gridPageDownMs, gridTypeMs).
  await pickImportFile(page, { name: 'two-years.csv', mimeType: 'text/csv', buffer: Buffer.from(`${lines.join('\n')}\n`) });
  await page.getByRole('button', { name: '다음: 채널 맞추기' }).click();
  await page.getByRole('button', { name: '다음: 문제 있는 행' }).click();
  await page.getByRole('button', { name: '다음: 겹침 확인' }).click();
  await page.getByRole('button', { name: '기록 87600건 저장하기' }).click();
  await expect(page.getByRole('heading', { name: '가져왔어요' })).toBeVisible({ timeout: SLOW_STEP });

  await page.getByRole('button', { name: '표에서 확인하기' }).click();
  await page.getByRole('textbox', { name: '시작' }).fill('2021-01-01');
  await page.getByRole('textbox', { name: '끝' }).fill('2022-12-31');
  await page.getByRole('tab', { name: /전화 주문/ }).click();
  const grid = page.getByRole('grid', { name: /전화 주문 건수/ });
  await expect(grid).toHaveAttribute('aria-rowcount', '731', { timeout: SLOW_STEP });
  await grid.getByRole('row').nth(1).getByRole('gridcell').nth(0).click();
  // Only the visible rows are in the page.
  expect(await grid.getByRole('row').count()).toBeLessThan(60);

  for (let i = 0; i < 20; i++) await page.keyboard.press('PageDown');
  await expect(page.locator('.grid-status')).toContainText('2021-10-28 00:00');
  expect(await grid.getByRole('row').count()).toBeLessThan(60);
  await page.keyboard.type('77');
  await page.keyboard.press('Enter');
  await expect(grid.locator('.grid-cell', { hasText: /^77$/ })).toBeVisible();
  await expect(page.getByText('모두 저장했어요.')).toBeVisible();
  await page.reload();
  await page.getByRole('textbox', { name: '시작' }).fill('2021-10-28');
  await page.getByRole('tab', { name: /전화 주문/ }).click();
  await expect(page.getByRole('grid', { name: /전화 주문 건수/ }).getByRole('row').nth(1).getByRole('gridcell').nth(0)).toHaveText('77');
});
