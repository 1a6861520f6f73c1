// The headless hub prints `http://…/#signin=CODE`: the code is taken out of the address before anything else runs,
// so it is neither kept in history nor shown, and can be redeemed only once.

export function takeSignInCode(win: Window): string | null {
  const hash = win.location.hash.replace(/^#/, '');
  const code = hash.startsWith('signin=') ? new URLSearchParams(hash).get('signin') : null;
  if (code === null) return null;
  win.history.replaceState(win.history.state, '', `${win.location.pathname}${win.location.search}`);
  return code.trim() === '' ? null : code.trim();
}
