// Remembers the main window's size, position and maximized state between runs.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const windowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(640).max(10_000),
  height: z.number().int().min(480).max(10_000),
  isMaximized: z.boolean(),
});
export type WindowState = z.infer<typeof windowStateSchema>;

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 820, isMaximized: false };

export function loadWindowState(dir: string): WindowState {
  try {
    const parsed = windowStateSchema.safeParse(
      JSON.parse(readFileSync(join(dir, 'window-state.json'), 'utf8')),
    );
    return parsed.success ? parsed.data : DEFAULT_WINDOW_STATE;
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
}

export function saveWindowState(dir: string, state: WindowState): void {
  try {
    writeFileSync(join(dir, 'window-state.json'), JSON.stringify(state));
  } catch {
    // Losing the window position is not worth interrupting a quit for.
  }
}
