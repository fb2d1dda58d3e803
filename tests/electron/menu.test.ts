import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate } from '../../electron/menu';

const roles = (items: MenuItemConstructorOptions[]): string[] =>
  items.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);

describe('the Korean application menu', () => {
  it.each(['win32', 'linux'] as const)('on %s: 파일, 편집, 보기, 창, 도움말 with about', (platform) => {
    const menu = buildMenuTemplate({ platform, isPackaged: true, appName: 'Outage Loss Desk' });
    expect(menu.map((m) => m.label)).toEqual(['파일', '편집', '보기', '창', '도움말']);
    expect(roles(menu)).toEqual(expect.arrayContaining(['quit', 'undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'zoomIn', 'minimize', 'about']));
  });

  it('on macOS puts the app menu first, then the same five', () => {
    const menu = buildMenuTemplate({ platform: 'darwin', isPackaged: true, appName: 'Outage Loss Desk' });
    expect(menu.map((m) => m.label)).toEqual(['Outage Loss Desk', '파일', '편집', '보기', '창', '도움말']);
    expect(roles([menu[0]])).toEqual(['about', 'hide', 'hideOthers', 'unhide', 'quit']);
  });

  it('offers reload and DevTools only in development', () => {
    const packaged = roles(buildMenuTemplate({ platform: 'linux', isPackaged: true, appName: 'x' }));
    const dev = roles(buildMenuTemplate({ platform: 'linux', isPackaged: false, appName: 'x' }));
    expect(packaged).not.toEqual(expect.arrayContaining(['toggleDevTools']));
    expect(packaged).not.toContain('reload');
    expect(dev).toEqual(expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']));
  });

  it('labels every item with a role in Korean', () => {
    const all = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
      items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? all(i.submenu) : [])]);
    for (const item of all(buildMenuTemplate({ platform: 'linux', isPackaged: false, appName: 'Outage Loss Desk' }))) {
      if (item.type === 'separator') continue;
      expect(item.label, String(item.role)).toMatch(/[가-힣]/);
    }
  });
});
