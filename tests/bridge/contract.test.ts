import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  BRIDGE_CALLS,
  BRIDGE_CHANNELS,
  bridgeContract,
  DEFAULT_MAX_OPEN_BYTES,
  fileNameSchema,
  fileTooLargeMessage,
  formatSize,
  parseBridgeArgs,
  BridgeError,
  type BridgeClient,
  type OpenedFile,
  type PreloadApi,
  type BridgeResponse,
  type AppInfo,
} from '../../src/bridge/contract';

describe('the contract', () => {
  it('has one schema and one channel per call, and nothing else', () => {
    expect(Object.keys(bridgeContract).sort()).toEqual([...BRIDGE_CALLS].sort());
    expect(Object.keys(BRIDGE_CHANNELS).sort()).toEqual([...BRIDGE_CALLS].sort());
    expect(new Set(Object.values(BRIDGE_CHANNELS)).size).toBe(BRIDGE_CALLS.length);
  });

  it('types the client from the schemas', () => {
    expectTypeOf<BridgeClient['openFiles']>().returns.resolves.toEqualTypeOf<OpenedFile[]>();
    expectTypeOf<BridgeClient['appInfo']>().returns.resolves.toEqualTypeOf<AppInfo>();
    expectTypeOf<Parameters<BridgeClient['saveFile']>[0]>().toHaveProperty('bytes').toEqualTypeOf<Uint8Array>();
    // openFiles and appInfo may be called with no argument; saveFile and revealFile may not
    expectTypeOf<BridgeClient['openFiles']>().toBeCallableWith();
    expectTypeOf<BridgeClient['appInfo']>().toBeCallableWith();
    expectTypeOf<PreloadApi['revealFile']>().returns.resolves.toEqualTypeOf<BridgeResponse<void>>();
  });
});

describe('file names', () => {
  it.each(['claim.zip', '청구서 2022-10-15.zip', 'kakao-t_calls (1).csv', '.hidden-but-ok.txt'])('accepts %s', (name) => {
    expect(fileNameSchema.safeParse(name).success).toBe(true);
  });
  it.each(['', '../../.bashrc', 'a/b.csv', 'a\\b.csv', 'C:evil', 'a.', 'name ', '..', 'x\u0000.csv', 'tab\tname', 'q?.csv', 'x'.repeat(201)])(
    'refuses %j',
    (name) => {
      expect(fileNameSchema.safeParse(name).success).toBe(false);
    },
  );
});

describe('parseBridgeArgs', () => {
  it('fills the openFiles defaults, with or without an argument', () => {
    expect(parseBridgeArgs('openFiles', undefined)).toEqual({ multiple: false, maxBytes: DEFAULT_MAX_OPEN_BYTES });
    expect(parseBridgeArgs('openFiles', {})).toEqual({ multiple: false, maxBytes: 50 * 1024 * 1024 });
    expect(parseBridgeArgs('openFiles', { accept: ['csv'], multiple: true, maxBytes: 1000 })).toEqual({ accept: ['csv'], multiple: true, maxBytes: 1000 });
  });

  it('throws an invalid-argument BridgeError naming the field, Korean first', () => {
    const error = (() => {
      try {
        parseBridgeArgs('saveFile', { suggestedName: 'a/b.csv', bytes: new Uint8Array() });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(BridgeError);
    expect((error as BridgeError).code).toBe('invalid-argument');
    // Each half whole: the Korean reason (which itself lists "/") in the Korean half, the English in the English.
    expect((error as BridgeError).text.ko).toMatch(/^잘못된 요청이에요 \(saveFile\.suggestedName\): 파일 이름에 \\, \/, :, .* 쓸 수 없어요$/);
    expect((error as BridgeError).text.en).toMatch(/^Invalid argument \(saveFile\.suggestedName\): file name may not contain /);
  });

  it('refuses unknown keys instead of ignoring them', () => {
    expect(() => parseBridgeArgs('revealFile', { path: '/x', shell: 'rm' })).toThrow(BridgeError);
  });
});

describe('messages', () => {
  it('reads sizes like a person', () => {
    expect([formatSize(512), formatSize(1536), formatSize(51 * 1024 * 1024)]).toEqual(['512 B', '1.5 KB', '51.0 MB']);
  });
  it('names the file in both languages', () => {
    expect(fileTooLargeMessage('매출.xlsx', 60 * 1024 * 1024, DEFAULT_MAX_OPEN_BYTES)).toEqual({
      ko: '파일이 너무 커요: 매출.xlsx (60.0 MB, 최대 50.0 MB)',
      en: 'File too large: 매출.xlsx (60.0 MB, limit 50.0 MB)',
    });
  });
  it('gives an invalid argument’s reason in each half, and keeps the text across the IPC answer', () => {
    const error = (() => {
      try {
        parseBridgeArgs('saveFile', { suggestedName: '', bytes: new Uint8Array(1) });
      } catch (e) {
        return e as BridgeError;
      }
      throw new Error('saveFile with an empty name was accepted');
    })();
    expect(error.code).toBe('invalid-argument');
    expect(error.text.ko).toMatch(/^잘못된 요청이에요 \(saveFile\.suggestedName\): [^/]*비어 있어요$/);
    expect(error.text.en).toMatch(/^Invalid argument \(saveFile\.suggestedName\): [^가-힣]*empty$/);
    // An answer from the main process carries the text; an older one (message only) is read back the same.
    expect(new BridgeError('io-failed', error.message).text).toEqual(error.text);
  });
});
