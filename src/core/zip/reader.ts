import { Inflate, inflateSync } from 'fflate';
import { bt, joined, type BilingualText } from '../model/common';
import { crc32Update, type Crc32Update } from './crc32';
import { collisionKey, nameProblem, shownName } from './names';

/**
 * The one zip reader behind every zip the app opens: evidence packets (`verify`, `batch`), backups and XLSX
 * workbooks. It reads the central directory itself, refuses anything two extracting tools could read
 * differently, and inflates entry by entry as a stream with running caps, so memory stays bounded whatever
 * the archive claims:
 *
 * - the end record must end the file exactly and the central directory must end where the end record starts
 *   (Python shifts every offset when it does not, unzip warns and guesses): no prepended or trailing data;
 * - names: canonical (core/zip/names.ts), UTF-8 when not ASCII, no Info-ZIP Unicode path field (unzip would
 *   use it, Python ignores it), no two names that land on the same path case-insensitively, no file where
 *   another entry needs a folder;
 * - only regular files: a Unix mode in the external attributes' high 16 bits must be a regular file, or a
 *   directory for a name ending in `/` (which must hold no data); symlinks, devices and FIFOs are refused;
 * - the local header must repeat the central directory's name, method and flags (and sizes and CRC unless a
 *   data descriptor follows), and entries may not overlap (the overlapping-entries bomb);
 * - only stored and deflated entries, no encryption, no zip64 (our writers never need it: every limit is
 *   far below 4 GB);
 * - entry count, declared total and per-entry ratio are checked before anything is inflated; while
 *   inflating, no entry may exceed its declared size or ratio and the archive may not exceed the total, and
 *   each entry's CRC-32 must match (Python refuses a bad CRC, so we do too).
 */

export interface ZipSource {
  readonly size: number;
  /** `length` bytes from `offset`, or fewer at the end of the source. */
  read(offset: number, length: number): Uint8Array;
}

export function bytesSource(bytes: Uint8Array): ZipSource {
  return { size: bytes.length, read: (offset, length) => bytes.subarray(offset, Math.min(bytes.length, offset + length)) };
}

export type ZipLimits = {
  maxEntries: number;
  /** Sum of all entries' uncompressed sizes. */
  maxTotalBytes: number;
  /** Uncompressed / compressed, per entry over 1 KB; a zip bomb has thousands. */
  maxRatio: number;
};

export type ZipErrorCode =
  | 'not-zip'
  | 'damaged'
  | 'unsupported'
  | 'unsafe-name'
  | 'name-collision'
  | 'not-a-file'
  | 'name-mismatch'
  | 'too-many-entries'
  | 'too-large'
  | 'ratio';

export type ZipOptions = {
  /**
   * Check each entry's CRC-32 (default). A caller that checks a SHA-256 of every entry right after, against
   * a list of its own (backups), may skip it and report the stronger check by name instead.
   */
  checkCrc?: boolean;
  /**
   * The CRC-32 to check with: the table form (crc32Update) by default; the CLI passes Node's native
   * zlib.crc32 (core never imports node:). The same values (tests/cli/crc32.test.ts).
   */
  crc32?: Crc32Update;
};

export class ZipError extends Error {
  /** `text` in each language for screens (textIn); `message` is both joined, as CLI lines and logs write it. */
  constructor(readonly code: ZipErrorCode, readonly text: BilingualText, readonly entry?: string) {
    super(joined(text));
    this.name = 'ZipError';
  }
}

export type ZipEntry = {
  name: string;
  size: number;
  compressedSize: number;
  crc32: number;
  method: 0 | 8;
  /** Where the entry's compressed data starts in the source. */
  dataOffset: number;
};

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** Compressed bytes pushed to the inflater at a time: deflate's ratio is at most ~1032, so one push yields at most ~17 MB. */
const CHUNK = 16 * 1024;
/** The smallest push: a few symbols' worth, so a lying header is caught within ~64 KB of output. */
const MIN_CHUNK = 64;
/** Deflate's largest expansion: a 258-byte match in about two bits. */
const MAX_DEFLATE_RATIO = 1032;
/**
 * An entry with at most this many compressed bytes, whose declared size fits every cap, is inflated in one
 * call into a buffer of its declared size plus one byte. Its memory is that buffer whatever the data says
 * (fflate writes nothing past a buffer it is given), and the work is at most ~66 MB of output even for a
 * bomb. Streaming such an entry in small pushes cost ~4 ms a packet (fflate's stream allocates 160 KB and
 * copies its window at every push), most of a batch's time.
 */
const WHOLE_UNDER = 64 * 1024;

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;

const utf8 = new TextDecoder('utf-8', { fatal: true });

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);
const q = (name: string) => `"${shownName(name)}"`;

/** Whether the extra field holds a field of `id`. */
function hasExtra(extra: Uint8Array, id: number): boolean {
  const v = view(extra);
  for (let i = 0; i + 4 <= extra.length; ) {
    if (v.getUint16(i, true) === id) return true;
    i += 4 + v.getUint16(i + 2, true);
  }
  return false;
}

function decodeName(raw: Uint8Array, utf8Flag: boolean): string {
  if (!utf8Flag) {
    // Without the UTF-8 flag, unzip and Python read non-ASCII bytes as CP437 and others guess: refuse.
    if (raw.some((b) => b >= 0x80)) {
      throw new ZipError('unsafe-name', bt('이름에 UTF-8 표시가 없는 비ASCII 문자가 있어요 (도구마다 다르게 읽어요)', 'a non-ASCII name without the UTF-8 flag (tools read it differently)'));
    }
    return String.fromCharCode(...raw);
  }
  try {
    return utf8.decode(raw);
  } catch {
    throw new ZipError('unsafe-name', bt('이름이 올바른 UTF-8이 아니에요', 'an entry name is not valid UTF-8'));
  }
}

function findEnd(source: ZipSource): number {
  const size = source.size;
  const tailLength = Math.min(size, 22 + 0xffff);
  const tail = source.read(size - tailLength, tailLength);
  const v = view(tail);
  for (let e = tail.length - 22; e >= 0; e--) {
    if (v.getUint32(e, true) !== EOCD) continue;
    if (e + 22 + v.getUint16(e + 20, true) === tail.length) return size - tailLength + e;
  }
  const head = source.read(0, 4);
  if (head.length === 4 && view(head).getUint32(0, true) === LOCAL) {
    throw new ZipError('damaged', bt('zip 파일이 중간에 잘렸거나 손상됐어요 (끝 부분이 없어요)', 'the zip is cut off or damaged (its end record is missing)'));
  }
  throw new ZipError('not-zip', bt('zip 파일이 아니에요', 'not a zip file'));
}

/** A zip, its central directory read and checked; entries are inflated on request. */
export class ZipArchive {
  /** File entries (not folders), in central directory order. */
  readonly entries: readonly ZipEntry[];
  private readonly byName: Map<string, ZipEntry>;
  private inflated = 0;

  constructor(private readonly source: ZipSource, private readonly limits: ZipLimits, private readonly options: ZipOptions = {}) {
    this.entries = readDirectory(source, limits);
    this.byName = new Map(this.entries.map((e) => [e.name, e]));
  }

  get(name: string): ZipEntry | undefined {
    return this.byName.get(name);
  }

  /** Inflates one entry, handing out its bytes chunk by chunk; throws ZipError if it breaks a cap or its CRC. */
  stream(entry: ZipEntry, onChunk: (chunk: Uint8Array) => void): void {
    let produced = 0;
    let crc = 0;
    const ratioCap = Math.max(1024, entry.compressedSize * this.limits.maxRatio);
    const take = (chunk: Uint8Array) => {
      produced += chunk.length;
      this.inflated += chunk.length;
      if (produced > entry.size) {
        throw new ZipError('damaged', bt(`${q(entry.name)}: 압축을 풀면 zip에 적힌 크기(${entry.size} B)보다 커요. 파일이 손상됐거나 조작됐어요`, `${q(entry.name)} inflates past its declared size (${entry.size} B): damaged or tampered`), entry.name);
      }
      if (produced > ratioCap) {
        throw new ZipError('ratio', bt(`압축률이 비정상이에요 (압축 폭탄 의심): ${q(entry.name)}`, `suspicious compression ratio (zip bomb?): ${q(entry.name)}`), entry.name);
      }
      if (this.inflated > this.limits.maxTotalBytes) {
        throw new ZipError('too-large', bt(`압축을 풀면 너무 커요 (${this.limits.maxTotalBytes.toLocaleString('en-US')} B 초과)`, `uncompressed total over ${this.limits.maxTotalBytes} bytes`), entry.name);
      }
      if (this.options.checkCrc !== false) crc = (this.options.crc32 ?? crc32Update)(crc, chunk);
      if (chunk.length) onChunk(chunk);
    };
    const end = entry.dataOffset + entry.compressedSize;
    if (entry.method === 0) {
      for (let at = entry.dataOffset; at < end; at += CHUNK) take(this.source.read(at, Math.min(CHUNK, end - at)));
    } else if (entry.compressedSize <= WHOLE_UNDER && entry.size <= ratioCap && this.inflated + entry.size <= this.limits.maxTotalBytes) {
      let out: Uint8Array;
      try {
        out = inflateSync(this.source.read(entry.dataOffset, entry.compressedSize), { out: new Uint8Array(entry.size + 1) });
      } catch (err) {
        throw new ZipError('damaged', bt(`${q(entry.name)}: 압축된 데이터가 손상됐어요`, `${q(entry.name)}: the compressed data is damaged (${(err as Error).message})`), entry.name);
      }
      // The spare byte filled: the data goes on past the declared size (take() throws the lying-header error).
      take(out);
    } else {
      const inflater = new Inflate((chunk) => take(chunk));
      // fflate inflates a whole push before it hands anything out, so the caps are checked between pushes:
      // each push is small enough that even deflate's largest ratio (~1032) cannot go far past what is left.
      const room = () => Math.min(entry.size + 1, ratioCap + 1, this.limits.maxTotalBytes - this.inflated + 1) - produced;
      try {
        if (entry.compressedSize === 0) inflater.push(new Uint8Array(0), true);
        for (let at = entry.dataOffset; at < end; ) {
          const length = Math.min(end - at, Math.max(MIN_CHUNK, Math.min(CHUNK, Math.ceil(room() / MAX_DEFLATE_RATIO))));
          inflater.push(this.source.read(at, length), at + length >= end);
          at += length;
        }
      } catch (err) {
        if (err instanceof ZipError) throw err;
        throw new ZipError('damaged', bt(`${q(entry.name)}: 압축된 데이터가 손상됐어요`, `${q(entry.name)}: the compressed data is damaged (${(err as Error).message})`), entry.name);
      }
    }
    if (produced !== entry.size) {
      throw new ZipError('damaged', bt(`${q(entry.name)}: zip에 적힌 크기와 실제 크기가 달라요. 파일이 손상됐어요`, `${q(entry.name)}: the size in the zip header is wrong, the file is damaged`), entry.name);
    }
    if (this.options.checkCrc !== false && crc !== entry.crc32) {
      throw new ZipError('damaged', bt(`${q(entry.name)}: CRC-32가 맞지 않아요. 파일이 손상됐어요`, `${q(entry.name)}: CRC-32 mismatch, the file is damaged`), entry.name);
    }
  }

  /** One entry's bytes. */
  read(entry: ZipEntry): Uint8Array {
    const out = new Uint8Array(entry.size);
    let at = 0;
    this.stream(entry, (chunk) => {
      out.set(chunk, at);
      at += chunk.length;
    });
    return out;
  }

  /** Every file entry's bytes, by name in code-point order. */
  readAll(): Map<string, Uint8Array> {
    const out = new Map<string, Uint8Array>();
    for (const entry of [...this.entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) out.set(entry.name, this.read(entry));
    return out;
  }
}

export function openZip(input: Uint8Array | ZipSource, limits: ZipLimits, options?: ZipOptions): ZipArchive {
  // ArrayBuffer.isView, not instanceof: bytes from another realm (a worker, jsdom) are bytes too.
  return new ZipArchive(ArrayBuffer.isView(input) ? bytesSource(input) : input, limits, options);
}

function readDirectory(source: ZipSource, limits: ZipLimits): ZipEntry[] {
  if (source.size < 22) throw new ZipError('not-zip', bt('zip 파일이 아니에요 (너무 짧아요)', 'not a zip file (too short)'));
  const endAt = findEnd(source);
  const end = view(source.read(endAt, 22));
  const count = end.getUint16(10, true);
  const directorySize = end.getUint32(12, true);
  const directoryOffset = end.getUint32(16, true);
  if (end.getUint16(4, true) !== 0 || end.getUint16(6, true) !== 0 || end.getUint16(8, true) !== count) {
    throw new ZipError('unsupported', bt('여러 조각으로 나뉜 zip은 읽을 수 없어요', 'split (multi-disk) zips are not supported'));
  }
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    throw new ZipError('unsupported', bt('ZIP64 형식은 받지 않아요', 'ZIP64 archives are not accepted'));
  }
  if (count > limits.maxEntries) {
    throw new ZipError('too-many-entries', bt(`zip 안의 파일이 너무 많아요 (${limits.maxEntries.toLocaleString('en-US')}개 초과)`, `too many entries (over ${limits.maxEntries})`));
  }
  if (directoryOffset + directorySize !== endAt) {
    throw new ZipError('damaged', bt('zip의 목록 위치가 맞지 않아요 (앞뒤에 다른 데이터가 붙었거나 손상됐어요)', 'the central directory is not where the end record says (extra data or damage)'));
  }
  const directory = source.read(directoryOffset, directorySize);
  const dv = view(directory);

  type Raw = ZipEntry & { rawName: Uint8Array; flags: number; headerOffset: number };
  const files: Raw[] = [];
  const folders: string[] = [];
  const all: Raw[] = [];
  let declaredTotal = 0;
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > directory.length || dv.getUint32(p, true) !== CENTRAL) {
      throw new ZipError('damaged', bt('zip의 파일 목록이 손상됐어요', 'the zip central directory is damaged'));
    }
    const flags = dv.getUint16(p + 8, true);
    const method = dv.getUint16(p + 10, true);
    const crc = dv.getUint32(p + 16, true);
    const compressedSize = dv.getUint32(p + 20, true);
    const size = dv.getUint32(p + 24, true);
    const nameLength = dv.getUint16(p + 28, true);
    const extraLength = dv.getUint16(p + 30, true);
    const commentLength = dv.getUint16(p + 32, true);
    const externalAttrs = dv.getUint32(p + 38, true);
    const headerOffset = dv.getUint32(p + 42, true);
    const next = p + 46 + nameLength + extraLength + commentLength;
    if (next > directory.length) throw new ZipError('damaged', bt('zip의 파일 목록이 손상됐어요', 'the zip central directory is damaged'));
    const rawName = directory.slice(p + 46, p + 46 + nameLength);
    const extra = directory.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength);
    p = next;

    const name = decodeName(rawName, (flags & 0x0800) !== 0);
    const isFolder = name.endsWith('/');
    const problem = nameProblem(isFolder ? name.slice(0, -1) : name);
    if (problem) throw new ZipError('unsafe-name', bt(`위험한 경로예요 ${q(name)}: ${problem.ko}`, `unsafe entry name ${q(name)}: ${problem.en}`), name);
    if (hasExtra(extra, 0x7075)) {
      throw new ZipError('unsafe-name', bt(`${q(name)}: 도구마다 다르게 읽는 두 번째 이름(Info-ZIP Unicode Path)이 있어요`, `${q(name)} carries a second name (Info-ZIP Unicode Path field) that tools read differently`), name);
    }
    if (flags & 0x0041 || flags & 0x2000) throw new ZipError('unsupported', bt(`암호화된 항목은 읽을 수 없어요: ${q(name)}`, `encrypted entry: ${q(name)}`), name);
    if (method !== 0 && method !== 8) throw new ZipError('unsupported', bt(`지원하지 않는 압축 방식이에요 (${method}): ${q(name)}`, `unsupported compression method ${method}: ${q(name)}`), name);
    if (size === 0xffffffff || compressedSize === 0xffffffff || headerOffset === 0xffffffff) {
      throw new ZipError('unsupported', bt(`ZIP64 항목은 받지 않아요: ${q(name)}`, `ZIP64 entries are not accepted: ${q(name)}`), name);
    }
    if (method === 0 && size !== compressedSize) {
      throw new ZipError('damaged', bt(`${q(name)}: 압축하지 않은 항목의 크기가 서로 달라요`, `${q(name)}: a stored entry's two sizes differ`), name);
    }
    const mode = externalAttrs >>> 16;
    const type = mode & S_IFMT;
    const dosFolder = (externalAttrs & 0x10) !== 0;
    if (type === S_IFLNK) throw new ZipError('not-a-file', bt(`심볼릭 링크는 받지 않아요: ${q(name)}`, `symbolic links are refused: ${q(name)}`), name);
    if (isFolder) {
      // Some writers mark folders with a regular file's mode; what matters is that the entry holds nothing.
      if ((type !== 0 && type !== S_IFDIR && type !== S_IFREG) || size !== 0 || compressedSize > 2) {
        throw new ZipError('not-a-file', bt(`폴더 항목에 데이터가 있어요: ${q(name)}`, `a folder entry holds data: ${q(name)}`), name);
      }
    } else if ((type !== 0 && type !== S_IFREG) || dosFolder) {
      throw new ZipError('not-a-file', bt(`일반 파일이 아니에요 (폴더, 장치 등): ${q(name)}`, `not a regular file (folder, device ...): ${q(name)}`), name);
    }
    if (!isFolder && size > 1024 && size > compressedSize * limits.maxRatio) {
      throw new ZipError('ratio', bt(`압축률이 비정상이에요 (압축 폭탄 의심): ${q(name)}`, `suspicious compression ratio (zip bomb?): ${q(name)}`), name);
    }
    declaredTotal += size;
    if (declaredTotal > limits.maxTotalBytes) {
      throw new ZipError('too-large', bt(`압축을 풀면 너무 커요 (${limits.maxTotalBytes.toLocaleString('en-US')} B 초과)`, `uncompressed total over ${limits.maxTotalBytes} bytes`), name);
    }
    const entry: Raw = { name, size, compressedSize, crc32: crc, method, dataOffset: 0, rawName, flags, headerOffset };
    all.push(entry);
    if (isFolder) folders.push(name.slice(0, -1));
    else files.push(entry);
  }
  if (p !== directory.length) throw new ZipError('damaged', bt('zip의 파일 목록 크기가 맞지 않아요', 'the zip central directory size is wrong'));

  checkCollisions(files.map((f) => f.name), folders);

  // Local headers: same name, method and flags; sizes and CRC too unless a data descriptor carries them.
  for (const entry of all) {
    const header = source.read(entry.headerOffset, 30);
    const hv = view(header);
    if (header.length < 30 || hv.getUint32(0, true) !== LOCAL) {
      throw new ZipError('damaged', bt(`${q(entry.name)}: 파일 머리말이 없어요. 손상됐어요`, `${q(entry.name)}: local header missing, the zip is damaged`), entry.name);
    }
    const flags = hv.getUint16(6, true);
    const nameLength = hv.getUint16(26, true);
    const extraLength = hv.getUint16(28, true);
    const nameAndExtra = source.read(entry.headerOffset + 30, nameLength + extraLength);
    const localName = nameAndExtra.subarray(0, nameLength);
    if (!bytesEqual(localName, entry.rawName) || (flags & 0x0800) !== (entry.flags & 0x0800)) {
      let shown = '';
      try {
        shown = ` (${q(decodeName(localName, (flags & 0x0800) !== 0))})`;
      } catch {
        shown = '';
      }
      throw new ZipError('name-mismatch', bt(`파일 머리말의 이름${shown}이 목록의 이름 ${q(entry.name)}과 달라요 (도구마다 다른 파일을 풀어요)`, `the local header name${shown} differs from the central directory name ${q(entry.name)}`), entry.name);
    }
    if (hasExtra(nameAndExtra.subarray(nameLength), 0x7075)) {
      throw new ZipError('unsafe-name', bt(`${q(entry.name)}: 도구마다 다르게 읽는 두 번째 이름(Info-ZIP Unicode Path)이 있어요`, `${q(entry.name)} carries a second name (Info-ZIP Unicode Path field)`), entry.name);
    }
    const sameMeta = hv.getUint16(8, true) === entry.method && (flags & 0x0001) === (entry.flags & 0x0001) && (flags & 0x0008) === (entry.flags & 0x0008);
    const sameSizes = (flags & 0x0008) !== 0 || (hv.getUint32(14, true) === entry.crc32 && hv.getUint32(18, true) === entry.compressedSize && hv.getUint32(22, true) === entry.size);
    if (!sameMeta || !sameSizes) {
      throw new ZipError('damaged', bt(`${q(entry.name)}: 파일 머리말과 목록의 정보(방식, 크기, CRC)가 달라요. 파일이 손상됐거나 조작됐어요`, `${q(entry.name)}: the local header and the central directory disagree (method, sizes or CRC): damaged or tampered`), entry.name);
    }
    entry.dataOffset = entry.headerOffset + 30 + nameLength + extraLength;
  }
  // No two entries may share bytes (the overlapping-entries bomb), and all data lies before the directory.
  const byOffset = [...all].sort((a, b) => a.headerOffset - b.headerOffset);
  byOffset.forEach((entry, i) => {
    const limit = i + 1 < byOffset.length ? byOffset[i + 1]!.headerOffset : directoryOffset;
    if (entry.dataOffset + entry.compressedSize > limit) {
      throw new ZipError('damaged', bt(`${q(entry.name)}: 항목이 다른 항목과 겹쳐요 (압축 폭탄 또는 손상)`, `${q(entry.name)} overlaps another entry (zip bomb or damage)`), entry.name);
    }
  });
  return files.map(({ name, size, compressedSize, crc32, method, dataOffset }) => ({ name, size, compressedSize, crc32, method, dataOffset }));
}

function checkCollisions(files: string[], folders: string[]): void {
  const fileKeys = new Map<string, string>();
  for (const name of files) {
    const key = collisionKey(name);
    const other = fileKeys.get(key);
    if (other === name) throw new ZipError('name-collision', bt(`같은 이름이 두 번 있어요: ${q(name)}`, `duplicate entry: ${q(name)}`), name);
    if (other !== undefined) {
      throw new ZipError('name-collision', bt(`대소문자만 다른 이름이 겹쳐요: ${q(other)}, ${q(name)} (풀면 한 파일이 다른 파일을 덮어써요)`, `names collide ignoring case: ${q(other)} and ${q(name)}`), name);
    }
    fileKeys.set(key, name);
  }
  const folderKeys = new Map<string, string>();
  const addFolder = (path: string) => {
    const key = collisionKey(path);
    if (!folderKeys.has(key)) folderKeys.set(key, path);
  };
  for (const folder of folders) addFolder(folder);
  for (const name of files) {
    const parts = name.split('/');
    for (let i = 1; i < parts.length; i++) addFolder(parts.slice(0, i).join('/'));
  }
  for (const [key, folder] of folderKeys) {
    const file = fileKeys.get(key);
    if (file !== undefined) {
      throw new ZipError('name-collision', bt(`파일 ${q(file)}과 폴더 ${q(folder)}의 이름이 겹쳐요`, `the file ${q(file)} and the folder ${q(folder)} collide`), file);
    }
  }
}
