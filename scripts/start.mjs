// `npm start`: runs the desktop app through electron-vite. Electron's binary is fetched on first use; where it
// cannot be (no internet, or ELECTRON_SKIP_BINARY_DOWNLOAD), say so and point at the browser-based hub.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    // electron's index.js downloads the binary on first require and throws when it cannot.
    return require('electron');
  } catch {
    return null;
  }
}

if (!electronBinary()) {
  console.error(
    [
      '',
      'Fairlead cannot start the desktop app: no Electron binary is installed on this machine',
      'and it could not be downloaded (no internet here?).',
      '',
      'Run the same app in your browser instead:',
      '  npm run hub -- --demo      then open http://127.0.0.1:5174',
      '',
    ].join('\n'),
  );
  process.exit(1);
}

const args = ['dev', '--', '--demo', ...process.argv.slice(2)];
const result = spawnSync(join(root, 'node_modules', '.bin', 'electron-vite'), args, {
  cwd: root,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
