import { isBatchFileName } from '../../core/batch/run';
import type { BatchFile } from './protocol';

/**
 * Files for a batch from the places a person brings them: a multi-file pick, a folder pick
 * (webkitdirectory), or a drop of files and whole folders. Files inside a folder are kept only when
 * they look like batch items (.zip, .json, .csv, .xlsx), as the CLI does; a file chosen by itself is
 * read whatever its name, so a mislabelled file is reported, not silently skipped.
 */

/** From an <input type=file>: folder picks carry a relative path (`회원/김민준.zip`). */
export function filesFromList(list: ArrayLike<File>): BatchFile[] {
  const out: BatchFile[] = [];
  for (const file of Array.from(list)) {
    const relative = file.webkitRelativePath;
    if (relative) {
      if (isBatchFileName(file.name)) out.push({ label: relative, file });
    } else out.push({ label: file.name, file });
  }
  return out.sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}

function readAllEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  // readEntries hands out at most 100 entries per call: keep calling until it returns none.
  return new Promise((resolve, reject) => {
    const all: FileSystemEntry[] = [];
    const next = () =>
      reader.readEntries((batch) => {
        if (!batch.length) resolve(all);
        else {
          all.push(...batch);
          next();
        }
      }, reject);
    next();
  });
}

function entryFile(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

async function walk(entry: FileSystemEntry, inFolder: boolean, out: BatchFile[]): Promise<void> {
  if (entry.isFile) {
    if (inFolder && !isBatchFileName(entry.name)) return;
    out.push({ label: entry.fullPath.replace(/^\/+/, '') || entry.name, file: await entryFile(entry as FileSystemFileEntry) });
  } else if (entry.isDirectory) {
    const children = await readAllEntries((entry as FileSystemDirectoryEntry).createReader());
    for (const child of children) await walk(child, true, out);
  }
}

/**
 * A drop: folders are walked recursively through webkitGetAsEntry (Chromium and Electron). The entries
 * must be taken while the drop event runs (the DataTransfer empties afterwards), so this is called
 * synchronously from the handler and only the walking is async.
 */
export function filesFromDrop(data: DataTransfer): Promise<BatchFile[]> {
  const entries: FileSystemEntry[] = [];
  const loose: File[] = [];
  for (const item of Array.from(data.items ?? [])) {
    if (item.kind !== 'file') continue;
    const entry = typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null;
    if (entry) entries.push(entry);
    else {
      const file = item.getAsFile();
      if (file) loose.push(file);
    }
  }
  if (!entries.length && !loose.length) loose.push(...Array.from(data.files ?? []));
  return (async () => {
    const out: BatchFile[] = loose.map((file) => ({ label: file.name, file }));
    for (const entry of entries) await walk(entry, false, out);
    return out.sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  })();
}

/**
 * Labels are member ids: a file brought in twice gets `name (2).zip` (before the extension, which says
 * what the item is) so both stay distinct items; the same-packet rule then pairs them.
 */
export function uniqueLabels(files: readonly BatchFile[], taken: ReadonlySet<string>): BatchFile[] {
  const used = new Set(taken);
  return files.map((f) => {
    let label = f.label;
    const dot = f.label.lastIndexOf('.');
    const slash = Math.max(f.label.lastIndexOf('/'), f.label.lastIndexOf('\\'));
    const [stem, ext] = dot > slash + 1 ? [f.label.slice(0, dot), f.label.slice(dot)] : [f.label, ''];
    for (let n = 2; used.has(label); n++) label = `${stem} (${n})${ext}`;
    used.add(label);
    return label === f.label ? f : { ...f, label };
  });
}
