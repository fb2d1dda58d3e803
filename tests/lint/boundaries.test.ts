import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layer rule of shared/architecture.md, proved on code that breaks it: ESLint lints each snippet as
 * if it were the named file, with the project's own eslint.config.js.
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedMessages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  const rules = ['no-restricted-imports', 'no-restricted-globals', '@typescript-eslint/no-restricted-imports', 'no-restricted-syntax'];
  return result!.messages.filter((m) => rules.includes(m.ruleId ?? '')).map((m) => m.message);
}

describe('layer boundaries', () => {
  it.each([
    ["import React from 'react';", 'no React'],
    ["import { useLiveQuery } from 'dexie-react-hooks';", 'no storage'],
    ["import Dexie from 'dexie';", 'no storage'],
    ["import { app } from 'electron';", 'no Electron'],
    ["import { readFileSync } from 'node:fs';", 'no node: modules'],
    ["import { openDesk } from '../../db/open';", 'nothing of ours outside core'],
    ["import { getBridge } from '../../bridge';", 'nothing of ours outside core'],
    ["import { Shell } from '../../ui/Shell';", 'nothing of ours outside core'],
  ])('src/core refuses %s', async (code, why) => {
    const messages = await restrictedMessages('src/core/estimate/violation.ts', `${code}\nexport const x = 1;\n`);
    expect(messages.join('\n')).toContain(why);
  });

  it.each([
    ['document.title = "x";', 'no DOM'],
    ['window.alert("x");', 'no DOM'],
    ['export const env = process.env.HOME;', 'no Node globals'],
  ])('src/core refuses the global in %s', async (code, why) => {
    const messages = await restrictedMessages('src/core/model/violation.ts', `${code}\n`);
    expect(messages.join('\n')).toContain(why);
  });

  it.each([
    ["import { Shell } from '../src/ui/Shell';"],
    ["import { openDesk } from '../src/db/open';"],
    ["import React from 'react';"],
    ["import { openDesk } from '../src/db';"],
  ])('electron/ refuses %s', async (code) => {
    const messages = await restrictedMessages('electron/violation.ts', `${code}\nexport const x = 1;\n`);
    expect(messages.join('\n')).toContain('The Electron shell is thin');
  });

  it.each([
    ["import Dexie from 'dexie';\nexport const x = Dexie;"],
    ["import { liveQuery } from 'dexie';\nexport const x = liveQuery;"],
    ["import { OutageDeskDB } from '../../db';\nexport const x = new OutageDeskDB('x');"],
    ["import { OutageDeskDB } from '../../db/database';\nexport const x = OutageDeskDB;"],
    ["import { versions } from '../../db/versions';\nexport const x = versions;"],
    ["declare const db: { transaction: (...a: unknown[]) => void };\ndb.transaction('rw', [], () => {});"],
    ["declare const db: { records: unknown };\nexport const x = db.records;"],
    ["declare const db: { claims: { get(id: string): unknown } };\nexport const x = db.claims.get('c');"],
    ["declare const rows: { where(i: string): unknown };\nexport const x = rows.where('claimId');"],
    ["declare function useDb(): { imports: unknown };\nexport const x = useDb().imports;"],
  ])('src/ui refuses raw database use: %s', async (code) => {
    const messages = await restrictedMessages('src/ui/pages/Violation.tsx', `${code}\n`);
    expect(messages.join('\n')).toContain('src/ui reads and writes only through named queries and commands in src/db');
  });

  it('lets a screen call named queries and commands, and name the handle type to pass it', async () => {
    expect(await restrictedMessages('src/ui/pages/Fine.tsx', [
      "import type { OutageDeskDB } from '../../db';",
      "import { listImportedFiles, saveImportedRecords } from '../../db';",
      "import { useLiveQuery } from 'dexie-react-hooks';",
      'export const f = (db: OutageDeskDB) => [listImportedFiles(db, "c"), saveImportedRecords, useLiveQuery];',
      'export const g = (claim: { records: unknown[] }) => claim.records.filter(Boolean);',
    ].join('\n'))).toEqual([]);
  });

  it('lets core import zod and its own modules, and lets the UI import the database', async () => {
    expect(await restrictedMessages('src/core/estimate/fine.ts', "import { z } from 'zod';\nimport { roundWon } from '../model/money';\nexport const x = [z, roundWon];\n")).toEqual([]);
    expect(await restrictedMessages('src/ui/fine.ts', "import { openDesk } from '../db/open';\nexport const x = openDesk;\n")).toEqual([]);
    expect(await restrictedMessages('electron/fine.ts', "import { BRIDGE_CALLS } from '../src/bridge/calls';\nexport const x = BRIDGE_CALLS;\n")).toEqual([]);
  });
});
