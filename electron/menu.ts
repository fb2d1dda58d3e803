import type { MenuItemConstructorOptions } from 'electron';

/**
 * The Korean application menu: 파일 / 편집 / 보기 / 창 / 도움말, built from Electron's roles so the
 * OS-standard shortcuts (copy, paste, undo, zoom) work. Pure data: tests/electron/menu.test.ts pins it.
 * DevTools and reload appear only in development, where they help; in a packaged app a stray Ctrl+R
 * would only throw away what the user is typing.
 */
export interface MenuOptions {
  platform: NodeJS.Platform;
  isPackaged: boolean;
  appName: string;
}

export function buildMenuTemplate({ platform, isPackaged, appName }: MenuOptions): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];

  if (isMac) {
    // macOS puts the app's own menu first; about, hide and quit live there by convention.
    template.push({
      label: appName,
      submenu: [
        { role: 'about', label: `${appName} 정보` },
        { type: 'separator' },
        { role: 'hide', label: `${appName} 숨기기` },
        { role: 'hideOthers', label: '기타 숨기기' },
        { role: 'unhide', label: '모두 보기' },
        { type: 'separator' },
        { role: 'quit', label: `${appName} 종료` },
      ],
    });
  }

  template.push(
    {
      label: '파일',
      submenu: isMac ? [{ role: 'close', label: '창 닫기' }] : [{ role: 'quit', label: '끝내기' }],
    },
    {
      label: '편집',
      submenu: [
        { role: 'undo', label: '실행 취소' },
        { role: 'redo', label: '다시 실행' },
        { type: 'separator' },
        { role: 'cut', label: '잘라내기' },
        { role: 'copy', label: '복사' },
        { role: 'paste', label: '붙여넣기' },
        { role: 'delete', label: '삭제' },
        { type: 'separator' },
        { role: 'selectAll', label: '모두 선택' },
      ],
    },
    {
      label: '보기',
      submenu: [
        ...(isPackaged
          ? []
          : ([
              { role: 'reload', label: '새로고침' },
              { role: 'forceReload', label: '강력 새로고침' },
              { role: 'toggleDevTools', label: '개발자 도구' },
              { type: 'separator' },
            ] satisfies MenuItemConstructorOptions[])),
        { role: 'resetZoom', label: '실제 크기' },
        { role: 'zoomIn', label: '확대' },
        { role: 'zoomOut', label: '축소' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: '전체 화면' },
      ],
    },
    {
      label: '창',
      submenu: [
        { role: 'minimize', label: '최소화' },
        ...(isMac
          ? ([{ role: 'zoom', label: '확대/축소' }, { type: 'separator' }, { role: 'front', label: '모두 앞으로 가져오기' }] satisfies MenuItemConstructorOptions[])
          : ([{ role: 'close', label: '닫기' }] satisfies MenuItemConstructorOptions[])),
      ],
    },
    {
      label: '도움말',
      role: 'help',
      submenu: [{ role: 'about', label: `${appName} 정보 (About)` }],
    },
  );

  return template;
}
