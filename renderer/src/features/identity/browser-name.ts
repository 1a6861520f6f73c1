// A readable name for this browser ("Chrome on Windows"), the default name of a browser being paired.

const BROWSERS: readonly [RegExp, string][] = [
  [/Edg\//, 'Edge'],
  [/OPR\//, 'Opera'],
  [/Firefox\//, 'Firefox'],
  [/Chrome\//, 'Chrome'],
  [/Safari\//, 'Safari'],
];

const SYSTEMS: readonly [RegExp, string][] = [
  [/Windows/, 'Windows'],
  [/iPhone|iPad/, 'iOS'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/Android/, 'Android'],
  [/CrOS/, 'ChromeOS'],
  [/Linux/, 'Linux'],
];

function firstMatch(userAgent: string, table: readonly [RegExp, string][], fallback: string): string {
  return table.find(([pattern]) => pattern.test(userAgent))?.[1] ?? fallback;
}

export function describeBrowser(userAgent: string): { browser: string; system: string } {
  return {
    browser: firstMatch(userAgent, BROWSERS, 'Browser'),
    system: firstMatch(userAgent, SYSTEMS, 'PC'),
  };
}
