// The computer's country from its OS locale: phones written without a country code are read in it until the team
// lead chooses another. Unknown (a POSIX "C" locale, a language without a region) leaves the service's default.

/** The region a BCP 47 or POSIX locale names ("zh-CN", "zh_CN.UTF-8" → "CN"); null when it names none ("en", "C"). */
export function countryOfLocale(locale: string): string | null {
  const tag = locale.split(/[.@]/)[0]?.replace(/_/g, '-') ?? '';
  if (tag === '' || tag === 'C' || tag === 'POSIX') return null;
  try {
    const region = new Intl.Locale(tag).region;
    return region && /^[A-Z]{2}$/.test(region) ? region : null;
  } catch {
    return null;
  }
}

/** The OS locale's country: the POSIX variables where set, else (Windows, macOS) the runtime's own locale. */
export function systemCountry(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string | undefined {
  const posix = env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'];
  if (posix) return countryOfLocale(posix) ?? undefined;
  if (platform === 'win32' || platform === 'darwin')
    return countryOfLocale(Intl.DateTimeFormat().resolvedOptions().locale) ?? undefined;
  return undefined;
}
