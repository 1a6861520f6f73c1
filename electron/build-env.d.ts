// electron-vite replaces import.meta.env.DEV when it bundles the main process (true only under `electron-vite dev`).
interface ImportMetaEnv {
  readonly DEV: boolean;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
