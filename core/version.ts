// The app version shown in the UI and answered by /api/health.
export const APP_VERSION = '0.1.0';
