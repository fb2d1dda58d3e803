// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { act, cleanup, configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setBridgeForTests } from '../../src/bridge';
import { createMemoryBridge } from '../../src/bridge/memory';
import { draftToPack, incidentOfStoredPack, type PackDraft } from '../../src/core/incidents';
import type { Incident } from '../../src/core/model';
import type { IncidentPack } from '../../src/core/model/incident-pack';
import { createClaim, getClaim, OutageDeskDB, saveClaimDocument, saveImportedPack, setSetting } from '../../src/db';
import type { ClaimBody } from '../../src/db';
import { App } from '../../src/ui/App';
import { createI18n } from '../../src/ui/i18n';

configure({ asyncUtilTimeout: 8000 });

let db: OutageDeskDB;
let claimId: string;

function pack(version: number, end: string, amount: number): IncidentPack {
  const draft: PackDraft = {
    id: 'assoc-isp-2026-12', version, publishedAt: '2026-12-05', publisher: '동네상인회',
    name: { ko: '동네 인터넷 장애', en: 'Local internet outage' }, summary: { ko: '점심 시간 인터넷 장애', en: '' },
    sources: [{ publication: '상인회 공지', date: '2026-12-05', ref: 'notice-7' }],
    services: [{ name: { ko: '동네 인터넷', en: '' }, kind: 'internet', intervals: [{ start: '2026-12-04T11:00+09:00', end, region: '' }] }],
    channels: ['damage365'],
    rules: [{ kind: 'fixed-amount', name: { ko: '가게당 정액', en: '' }, claimantKinds: ['merchant'], amount, basis: 'months', duration: 1, outageWeekStart: '', periodFrom: '', periodTo: '', payment: 'on-request' }],
  };
  const r = draftToPack(draft);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.pack;
}

const incident = async () => ((await getClaim(db, claimId))!.body as Partial<ClaimBody>).incident as Incident;

beforeEach(async () => {
  window.location.hash = '';
  setBridgeForTests(createMemoryBridge({ version: '1.0.0' }));
  db = new OutageDeskDB(`ui-packs-${Math.random().toString(36).slice(2)}`);
  await db.open();
  claimId = (await createClaim(db, { title: '동네 가게' })).id;
  await setSetting(db, 'currentClaimId', claimId);
});
afterEach(() => {
  cleanup();
  db.close();
  setBridgeForTests(null);
});

describe('a newer version of an imported pack', () => {
  it('leaves the claim on its version, shows what would change, and moves it only when asked', async () => {
    const user = userEvent.setup();
    const v1 = pack(1, '2026-12-04T13:30+09:00', 50000);
    await saveImportedPack(db, v1);
    await saveClaimDocument(db, claimId, { incident: incidentOfStoredPack(v1, Date.now()) }, { allowDraft: true });
    await saveImportedPack(db, pack(2, '2026-12-04T14:00+09:00', 70000));

    render(<App opened={{ kind: 'ready', db }} i18n={createI18n('ko')} />);
    await act(async () => {
      window.location.hash = '#/incident';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    const notice = await screen.findByText('이 장애 팩에 새 버전이 있어요 (버전 2). 이 신고서가 쓰는 버전: 1.');
    const box = notice.closest('.pack-version') as HTMLElement;
    expect((await incident()).presetVersion).toBe(1);
    await user.click(within(box).getByRole('button', { name: '바뀌는 것 보기' }));
    expect(await within(box).findByText('버전 1에서 2로 옮기면 바뀌는 것')).toBeTruthy();
    expect(box.textContent).toContain('전: 2026-12-04 11:00~2026-12-04 13:30 → 후: 2026-12-04 11:00~2026-12-04 14:00');
    expect(box.textContent).toContain('전: 정액 1인당 50,000원 · 후: 정액 1인당 70,000원');
    // Looking changes nothing.
    expect((await incident()).services[0]!.window.end).toBe('2026-12-04T13:30+09:00');

    await user.click(within(box).getByRole('button', { name: '새 버전으로 옮기기' }));
    await waitFor(async () => expect((await incident()).presetVersion).toBe(2));
    expect((await incident()).services[0]!.window.end).toBe('2026-12-04T14:00+09:00');
    await waitFor(() => expect(screen.queryByText(/새 버전이 있어요/)).toBeNull());
  });
});
