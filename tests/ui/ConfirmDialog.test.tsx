// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfirmDialog } from '../../src/ui/components/ConfirmDialog';

afterEach(cleanup);

function Harness({ onConfirm, onCancel }: { onConfirm: () => void; onCancel: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>지우기</button>
      {open && (
        <ConfirmDialog
          danger
          title="지울까요?"
          body="되돌릴 수 없어요."
          confirmLabel="삭제하기"
          cancelLabel="취소"
          onConfirm={() => { onConfirm(); setOpen(false); }}
          onCancel={() => { onCancel(); setOpen(false); }}
        />
      )}
    </>
  );
}

describe('ConfirmDialog', () => {
  it('starts on Cancel, cancels on Esc and gives focus back to the opener', async () => {
    const user = userEvent.setup();
    const onConfirm = vi.fn();
    const onCancel = vi.fn();
    render(<Harness onConfirm={onConfirm} onCancel={onCancel} />);
    const opener = screen.getByRole('button', { name: '지우기' });
    await user.click(opener);
    const dialog = screen.getByRole('alertdialog', { name: '지울까요?' });
    expect(dialog).toHaveProperty('ariaModal', 'true');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: '취소' }));

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(onConfirm).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(opener);
  });

  it('keeps Tab inside the dialog and confirms with Enter on the confirm button', async () => {
    const user = userEvent.setup();
    const onConfirm = vi.fn();
    render(<Harness onConfirm={onConfirm} onCancel={vi.fn()} />);
    await user.click(screen.getByRole('button', { name: '지우기' }));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: '삭제하기' }));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: '취소' }));
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: '삭제하기' }));
    await user.keyboard('{Enter}');
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });
});
