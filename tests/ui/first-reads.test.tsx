// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClaim, listClaims, OutageDeskDB, readFirst, renameClaim, setSetting, type FirstReads } from '../../src/db';
import ClaimantPage from '../../src/ui/pages/ClaimantPage';
import { renderPage } from './evidence-helpers';

const open: OutageDeskDB[] = [];
afterEach(() => {
  cleanup();
  open.splice(0).forEach((d) => d.close());
});

async function deskWith(titles: string[]): Promise<OutageDeskDB> {
  const db = new OutageDeskDB(`first-reads-${Math.random().toString(36).slice(2)}`);
  await db.open();
  open.push(db);
  for (const title of titles) await createClaim(db, { title });
  return db;
}

const page = (db: OutageDeskDB, first: FirstReads | null) => renderPage(ClaimantPage, db, 'ko', first);

describe('the first screen reads its data before the first render (db/first-reads.ts)', () => {
  it('reads the claims list and the current claim as the live queries would', async () => {
    const db = await deskWith(['연남 카페', '망원 식당']);
    const rows = await listClaims(db);
    await setSetting(db, 'currentClaimId', rows[1]!.id);
    const first = await readFirst(db);
    expect(first).not.toBeNull();
    expect(first!.claims).toEqual(await listClaims(db));
    expect(first!.currentClaim).toEqual(rows[1]);
    expect(first!.fresh).toBe(true);
  });

  it('goes stale at the first write after it, so a later screen never shows old rows', async () => {
    const db = await deskWith(['연남 카페']);
    const first = (await readFirst(db))!;
    expect(first.fresh).toBe(true);
    await renameClaim(db, first.claims[0]!.id, '연남 카페 본점');
    await vi.waitFor(() => expect(first.fresh).toBe(false));
  });

  it('with fresh reads the list is on the page at the first render, before any query answers', async () => {
    const db = await deskWith(['연남 카페', '망원 식당']);
    const first = await readFirst(db);
    page(db, first);
    // No await between render and these: the first render itself has the list.
    const list = screen.getByRole('list');
    expect(within(list).getByText('연남 카페')).toBeTruthy();
    expect(within(list).getByText('망원 식당')).toBeTruthy();
    expect(screen.queryByText('불러오는 중이에요…')).toBeNull();
  });

  it('with stale reads the page waits for its live query, which shows the rows as they are now', async () => {
    const db = await deskWith(['연남 카페']);
    const first = (await readFirst(db))!;
    await renameClaim(db, first.claims[0]!.id, '연남 카페 본점');
    await vi.waitFor(() => expect(first.fresh).toBe(false));
    page(db, first);
    expect(screen.getByText('불러오는 중이에요…')).toBeTruthy();
    expect(await screen.findByText('연남 카페 본점')).toBeTruthy();
    expect(screen.queryByText('연남 카페')).toBeNull();
  });

  it('with no reads (they failed, or another page came first) the page loads as before', async () => {
    const db = await deskWith([]);
    page(db, null);
    expect(screen.getByText('불러오는 중이에요…')).toBeTruthy();
    expect(await screen.findByText('아직 신고서가 없어요')).toBeTruthy();
  });
});
