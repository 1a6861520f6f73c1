// Where Fairlead keeps its database by default: the same folder Electron's app.getPath('userData') uses, so the
// desktop app and `npm run hub` on one machine share one file.
import { homedir } from 'node:os';
import { join } from 'node:path';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Fairlead');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Fairlead');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Fairlead');
}

/** `--db PATH` wins, then FAIRLEAD_DB, then the data folder. */
export function resolveDatabasePath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return flag ?? env.FAIRLEAD_DB ?? join(defaultDataDir(env), 'fairlead.sqlite');
}
