// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { ImportFileError } from '../../src/core/io';
import { readTable } from '../../src/core/io/table';
import { bt } from '../../src/core/model/common';
import { createI18n } from '../../src/ui/i18n';
import type { BuildResponse } from '../../src/ui/import/engine';
import { bilingualOf } from '../../src/ui/import/protocol';
import { ImportWorkerError, importProblemText } from '../../src/ui/import/runner';
import { RowsStep } from '../../src/ui/import/steps';

/** The import wizard's reasons and refusals in the reader's language only (issue 17: one bilingual text type). */
afterEach(cleanup);

const built = {
  records: [],
  warnings: [{ ko: '합계 행 1개는 건너뛰었어요', en: 'skipped 1 total row(s)' }],
  errors: [
    { row: 4, column: '일자', value: '2022-13-01', reason: bt('없는 월이에요', 'no such month'), fixable: true },
    { row: 7, column: '', value: '2022-10-09,20,1', reason: bt('칸 수가 머리글과 달라요 (3칸, 머리글 4칸)', '3 fields where the header has 4'), fixable: false },
  ],
} as unknown as BuildResponse;

function renderRows(language: 'ko' | 'en') {
  const noop = () => undefined;
  render(
    <I18nextProvider i18n={createI18n(language)}>
      <RowsStep built={built} unresolved={built.errors} skips={[]} fixes={[]} busy={false} onFix={noop} onSkip={noop} onUnskip={noop} onBack={noop} onNext={noop} />
    </I18nextProvider>,
  );
  return screen.getByRole('table');
}

async function refusal(): Promise<ImportFileError> {
  try {
    await readTable(new Uint8Array(0), { fileName: '매출.csv' });
  } catch (err) {
    if (err instanceof ImportFileError) return err;
    throw err;
  }
  throw new Error('an empty file was read');
}

describe('import reasons in one language', () => {
  it('a Korean reader: Korean reasons and notes only', () => {
    const table = renderRows('ko');
    expect(within(table).getByText('없는 월이에요')).toBeTruthy();
    expect(within(table).getByText('칸 수가 머리글과 달라요 (3칸, 머리글 4칸)')).toBeTruthy();
    expect(screen.getByText('합계 행 1개는 건너뛰었어요')).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/no such month|fields where|skipped/);
  });

  it('an English reader: English reasons and notes only', () => {
    const table = renderRows('en');
    expect(within(table).getByText('no such month')).toBeTruthy();
    expect(within(table).getByText('3 fields where the header has 4')).toBeTruthy();
    expect(screen.getByText('skipped 1 total row(s)')).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/없는 월|칸 수가|건너뛰었어요/);
  });

  it('a refused file: its text survives the worker reply and is shown in the reader\u2019s language, naming the file', async () => {
    const err = await refusal();
    expect(err.message).toBe('매출.csv: 빈 파일이에요 / the file is empty');
    expect(err.text).toEqual({ ko: '매출.csv: 빈 파일이에요', en: '매출.csv: the file is empty' });
    // What import.worker.ts sends back, and what the wizard then says.
    const reply = { name: err.name, message: err.message, code: err.code, ...bilingualOf(err) };
    const back = new ImportWorkerError(reply.name, reply.message, reply.code, reply.text);
    expect(importProblemText(back, 'ko')).toBe('매출.csv: 빈 파일이에요');
    expect(importProblemText(back, 'en')).toBe('매출.csv: the file is empty');
    // An error with no text of its own: its message's half.
    expect(importProblemText(new Error('알 수 없는 오류 / unknown failure'), 'en')).toBe('unknown failure');
  });
});
