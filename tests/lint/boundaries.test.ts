import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layer rule of shared/architecture.md, proved on code that breaks it: ESLint lints each snippet as
 * if it were the named file, with the project's own eslint.config.js.
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedMessages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals').map((m) => m.message);
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

  it('lets core import zod and its own modules, and lets the UI import the database', async () => {
    expect(await restrictedMessages('src/core/estimate/fine.ts', "import { z } from 'zod';\nimport { roundWon } from '../model/money';\nexport const x = [z, roundWon];\n")).toEqual([]);
    expect(await restrictedMessages('src/ui/fine.ts', "import { openDesk } from '../db/open';\nexport const x = openDesk;\n")).toEqual([]);
    expect(await restrictedMessages('electron/fine.ts', "import { BRIDGE_CALLS } from '../src/bridge/calls';\nexport const x = BRIDGE_CALLS;\n")).toEqual([]);
  });
});
