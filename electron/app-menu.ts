// The production menu: editing, zoom, window and quit, but no Reload and no DevTools (a reload or an open console
// is a way around the app's own flows). Support still finds the logs through a hidden item with a shortcut.
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuOptions {
  /** 'darwin' gets the app menu macOS expects; the others put Quit under File. */
  readonly platform: NodeJS.Platform;
  readonly appName: string;
  readonly openLogsFolder: () => void;
}

/** The shortcut of the hidden "Open logs folder" item. */
export const OPEN_LOGS_ACCELERATOR = 'CmdOrCtrl+Alt+Shift+L';

/** The template for Menu.buildFromTemplate; a development build keeps Electron's default menu instead. */
export function buildProductionMenu(options: MenuOptions): MenuItemConstructorOptions[] {
  const isMac = options.platform === 'darwin';
  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [
        {
          label: options.appName,
          submenu: [
            { role: 'about' },
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            { role: 'quit' },
          ],
        },
      ]
    : [];
  return [
    ...appMenu,
    { label: 'File', submenu: [isMac ? { role: 'close' } : { role: 'quit' }] },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        {
          label: 'Open logs folder',
          visible: false,
          acceleratorWorksWhenHidden: true,
          accelerator: OPEN_LOGS_ACCELERATOR,
          click: () => options.openLogsFolder(),
        },
      ],
    },
  ];
}
