// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { formatDateInput, parseDateInput, parseDateTimeInput, parseTimeInput } from '../../src/core/time';
import { DateField, DateTimeField, TimeField } from '../../src/ui/components/DateField';
import { createI18n } from '../../src/ui/i18n';

afterEach(cleanup);

describe('reading typed dates and times', () => {
  it('reads the Korean, ISO and compact forms to one ISO date, and refuses days that do not exist', () => {
    for (const text of ['2022. 10. 15.', '2022.10.15', '2022-10-15', '20221015', ' 2022/10/15 ']) expect(parseDateInput(text)).toBe('2022-10-15');
    expect(parseDateInput('2022. 7. 3.')).toBe('2022-07-03');
    for (const text of ['2022-02-30', '2022. 13. 1.', '15/10/2022', '10/15/2022', 'yesterday', '2022-10']) expect(parseDateInput(text)).toBeNull();
    expect(parseDateInput('2024-02-29')).toBe('2024-02-29');
    expect(formatDateInput('2022-07-03', 'ko')).toBe('2022. 7. 3.');
    expect(formatDateInput('2022-07-03', 'en')).toBe('2022-07-03');
    expect(parseTimeInput('9:05')).toBe('09:05');
    expect(parseTimeInput('1830')).toBe('18:30');
    expect(parseTimeInput('24:00')).toBeNull();
    expect(parseTimeInput('3:30 PM')).toBeNull();
    expect(parseDateTimeInput('2022. 10. 15. 18:10')).toBe('2022-10-15T18:10');
    expect(parseDateTimeInput('2022-10-15T18:10')).toBe('2022-10-15T18:10');
    expect(parseDateTimeInput('2022-10-15')).toBeNull();
  });
});

function Harness({ language, initial = '' }: { language: 'ko' | 'en'; initial?: string }) {
  const [date, setDate] = useState(initial);
  const [time, setTime] = useState('');
  const [at, setAt] = useState('');
  return (
    <I18nextProvider i18n={createI18n(language)}>
      <label htmlFor="d">보낸 날짜</label>
      <DateField id="d" fieldName="보낸 날짜" value={date} onChange={setDate} />
      <TimeField aria-label="보낸 시각" value={time} onChange={setTime} />
      <DateTimeField aria-label="콜 시각" value={at} onChange={setAt} />
      <output data-testid="stored">{`${date}|${time}|${at}`}</output>
    </I18nextProvider>
  );
}

const stored = () => screen.getByTestId('stored').textContent;

describe('the date field', () => {
  it('shows a stored date the Korean way and keeps ISO when typed with the keyboard only', async () => {
    const user = userEvent.setup();
    render(<Harness language="ko" initial="2022-10-15" />);
    const field = screen.getByLabelText('보낸 날짜') as HTMLInputElement;
    expect(field.value).toBe('2022. 10. 15.');
    expect(field.type).toBe('text');
    await user.tab();
    expect(document.activeElement).toBe(field);
    await user.keyboard('{Control>}a{/Control}20221031');
    expect(stored()).toBe('2022-10-31||');
    await user.tab();
    expect(field.value).toBe('2022. 10. 31.');
    await user.keyboard('9:05');
    await user.tab();
    await user.keyboard('2022. 10. 15. 18:10');
    expect(stored()).toBe('2022-10-31|09:05|2022-10-15T18:10');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says which field holds an invalid date, keeps the last good value, and clears the error once fixed', async () => {
    const user = userEvent.setup();
    render(<Harness language="ko" initial="2022-10-15" />);
    const field = screen.getByLabelText('보낸 날짜') as HTMLInputElement;
    await user.clear(field);
    await user.type(field, '2022. 2. 30.');
    await user.tab();
    const error = screen.getByRole('alert');
    expect(error.textContent).toBe('보낸 날짜: 날짜를 2022. 10. 15. 처럼 적어 주세요 (2022-10-15, 20221015도 돼요).');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toBe(error.id);
    // Clearing stored '' on the way; the impossible date itself was never stored.
    expect(stored()).toBe('||');
    await user.clear(field);
    await user.type(field, '2022-10-16');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(stored()).toBe('2022-10-16||');
  });

  it('in English shows and accepts ISO dates, and names the field in English words', async () => {
    const user = userEvent.setup();
    render(<Harness language="en" initial="2022-10-15" />);
    const field = screen.getByLabelText('보낸 날짜') as HTMLInputElement;
    expect(field.value).toBe('2022-10-15');
    await user.clear(field);
    await user.type(field, '10/15/2022');
    await user.tab();
    expect(screen.getByRole('alert').textContent).toBe('보낸 날짜: enter a date like 2022-10-15.');
  });
});
