import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// js-yaml ships with electron-builder (it reads this very file with it); it has no types of its own here.
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };

const root = path.resolve(import.meta.dirname, '..', '..');
const config = yaml.load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;

describe('electron-builder.yml', () => {
  it('flips the security fuses (key names as in app-builder-lib FuseOptionsV1)', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    const fuseTypes = readFileSync(path.join(root, 'node_modules', 'app-builder-lib', 'out', 'configuration.d.ts'), 'utf8');
    expect(fuseTypes).toMatch(/readonly electronFuses\?: FuseOptionsV1/);
    for (const key of Object.keys(config.electronFuses as object)) expect(fuseTypes).toContain(`${key}?: boolean;`);
  });

  it('ships only the built app, inside asar, with no native-module rebuild (the Node >= 22.12 part of electron-builder)', () => {
    expect(config.asar).toBe(true);
    expect(config.npmRebuild).toBe(false);
    expect(config.files).toEqual(['dist/**', 'dist-electron/**', 'package.json', '!node_modules/**']);
  });

  it('names the app and its three installers', () => {
    expect(config.appId).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
    expect(config.productName).toBe('Outage Loss Desk');
    expect(config.linux).toMatchObject({ target: 'AppImage' });
    expect(config.win).toMatchObject({ target: 'nsis' });
    expect(config.mac).toMatchObject({ target: 'dmg' });
  });

  it('points at the main bundle the build script writes', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(pkg.main).toBe('dist-electron/main.js');
    expect(pkg.type).toBe('module');
    expect(readFileSync(path.join(root, 'scripts', 'build-electron.mjs'), 'utf8')).toContain("path.join(outDir, 'main.js')");
  });
});
