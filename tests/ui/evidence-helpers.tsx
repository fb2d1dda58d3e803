import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { configure, render } from '@testing-library/react';
import { parseClaimFile } from '../../src/core/model';
import type { Claim } from '../../src/core/model';
import { OutageDeskDB, addClaim, setSetting, type FirstReads } from '../../src/db';
import type { ComponentType } from 'react';
import { I18nextProvider } from 'react-i18next';
import { DeskProvider } from '../../src/ui/desk';
import { createI18n } from '../../src/ui/i18n';
import { NoticeProvider } from '../../src/ui/notices';

// The machine is shared with other test runs: the first render of a page (module loading) can take seconds.
configure({ asyncUtilTimeout: 8000 });

/** Shared by the evidence and export page tests: a fresh real Dexie database on fake-indexeddb. */
export async function freshDb(tag: string): Promise<OutageDeskDB> {
  const db = new OutageDeskDB(`ui-${tag}-${Math.random().toString(36).slice(2)}`);
  await db.open();
  return db;
}

export function example(name: string): Claim {
  const parsed = parseClaimFile(readFileSync(`assets/examples/${name}`, 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.claim;
}

/** Stores an example claim (its evidence files are not shipped, so its evidence list starts empty) and opens it. */
export async function openExample(db: OutageDeskDB, name: string, options: { keepEvidence?: boolean } = {}): Promise<string> {
  const claim = example(name);
  const { id } = await addClaim(db, options.keepEvidence ? claim : { ...claim, evidence: [], directItems: claim.directItems.map((i) => ({ ...i, evidenceIds: [] })), indirectItems: claim.indirectItems.map((i) => ({ ...i, evidenceIds: [] })) });
  await setSetting(db, 'currentClaimId', id);
  return id;
}

/**
 * Renders one page with the app's providers (language, database, notices), without the shell: the page is
 * what is under test, and the other pages are being built in the same tree at the same time.
 */
export function renderPage(Page: ComponentType, db: OutageDeskDB, language: 'ko' | 'en' = 'ko', first: FirstReads | null = null) {
  return render(
    <I18nextProvider i18n={createI18n(language)}>
      <DeskProvider db={db} persistence="unsupported" first={first}>
        <NoticeProvider>
          <main>
            <Page />
          </main>
        </NoticeProvider>
      </DeskProvider>
    </I18nextProvider>,
  );
}

/** A valid 1×1 PNG, different for each `shade`, so hashes differ. */
export function tinyPng(shade = 0): Uint8Array {
  const hex =
    '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63' +
    (shade % 256).toString(16).padStart(2, '0') +
    '00000000030001' +
    '0000000049454e44ae426082';
  return Uint8Array.from(hex.match(/../g)!.map((h) => parseInt(h, 16)));
}

export const pdfBytes = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
