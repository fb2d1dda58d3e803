// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createI18n } from '../../src/ui/i18n';
import { NoticeOutlet, NoticeProvider, useNotices } from '../../src/ui/notices';

function Page() {
  const { notify } = useNotices();
  return (
    <main>
      <NoticeOutlet />
      <h1>화면</h1>
      <button type="button" onClick={() => notify('저장했어요.')}>저장</button>
      <button type="button" onClick={() => notify('실패했어요.', 'error')}>실패</button>
    </main>
  );
}

function renderPage() {
  return render(
    <I18nextProvider i18n={createI18n('ko')}>
      <NoticeProvider>
        <Page />
      </NoticeProvider>
    </I18nextProvider>,
  );
}

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('notices', () => {
  it('sit in the room reserved at the top of main, before the page content, and are announced', async () => {
    const user = userEvent.setup();
    renderPage();
    await user.click(screen.getByRole('button', { name: '저장' }));
    const status = screen.getByRole('status');
    expect(status.textContent).toContain('저장했어요.');
    const main = screen.getByRole('main');
    expect(main.contains(status)).toBe(true);
    // In the flow, before the heading: a notice pushes the page down instead of covering it.
    expect(status.compareDocumentPosition(screen.getByRole('heading')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('close with their button and with Esc', async () => {
    const user = userEvent.setup();
    renderPage();
    await user.click(screen.getByRole('button', { name: '실패' }));
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('실패했어요.');
    await user.keyboard('{Escape}');
    expect(alert.textContent).toBe('');

    await user.click(screen.getByRole('button', { name: '실패' }));
    await user.click(within(screen.getByRole('alert')).getByRole('button', { name: '알림 닫기' }));
    expect(screen.getByRole('alert').textContent).toBe('');
  });

  it('an information notice goes by itself; its timer is cleared when the page goes away', () => {
    vi.useFakeTimers();
    const view = renderPage();
    act(() => screen.getByRole('button', { name: '저장' }).click());
    expect(screen.getByRole('status').textContent).toContain('저장했어요.');
    act(() => vi.advanceTimersByTime(6000));
    expect(screen.getByRole('status').textContent).toBe('');

    act(() => screen.getByRole('button', { name: '저장' }).click());
    expect(vi.getTimerCount()).toBe(1);
    view.unmount();
    expect(vi.getTimerCount()).toBe(0);
  });
});
