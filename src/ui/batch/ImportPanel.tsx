import { useEffect, useRef, useState } from 'react';
import type { DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { filesFromDrop, filesFromList } from './collect';
import type { BatchFile } from './protocol';

interface Props {
  disabled: boolean;
  onFiles: (files: BatchFile[]) => void;
  /** A folder that could not be listed (removed while dropped, no permission). */
  onError: (err: unknown) => void;
}

/** Files, a whole folder (webkitdirectory), or a drop of files and folders. */
export function ImportPanel({ disabled, onFiles, onError }: Props) {
  const { t } = useTranslation();
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    // Not a React prop: set on the element so the picker chooses a folder and lists everything under it.
    if (folderInput.current) folderInput.current.webkitdirectory = true;
  }, []);

  const picked = (input: HTMLInputElement | null) => {
    if (!input?.files) return;
    const files = filesFromList(input.files);
    input.value = '';
    onFiles(files);
  };

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    if (disabled) return;
    void filesFromDrop(e.dataTransfer).then(onFiles, onError);
  };

  return (
    <div
      className={`batch-drop${dragging ? ' is-dragging' : ''}`}
      data-testid="batch-drop"
      onDragOver={(e) => {
        e.preventDefault();
        if (!disabled) setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <p>{t('batch.import.body')}</p>
      <div className="batch-drop-actions">
        <button type="button" className="button button-primary" disabled={disabled} onClick={() => filesInput.current?.click()}>
          {t('batch.import.pickFiles')}
        </button>
        <button type="button" className="button" disabled={disabled} onClick={() => folderInput.current?.click()}>
          {t('batch.import.pickFolder')}
        </button>
        <span className="muted">{dragging ? t('batch.import.dropActive') : t('batch.import.drop')}</span>
      </div>
      <p className="muted">{t('batch.import.accepts')}</p>
      <input ref={filesInput} type="file" multiple hidden accept=".zip,.json,.csv,.xlsx" data-testid="batch-files-input" onChange={(e) => picked(e.currentTarget)} />
      <input ref={folderInput} type="file" multiple hidden data-testid="batch-folder-input" onChange={(e) => picked(e.currentTarget)} />
    </div>
  );
}
