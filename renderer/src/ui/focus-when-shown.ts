// Gives the keyboard focus back to where the person was once that element is on the page again (after a dialog
// closes, a sign-in swaps the session, or a list refetches): polled a frame at a time, for about two seconds.
export function focusWhenShown(selector: string, frames = 120): void {
  const tick = (left: number): void => {
    const element = document.querySelector<HTMLElement>(selector);
    if (element) {
      element.focus();
      return;
    }
    if (left > 0) requestAnimationFrame(() => tick(left - 1));
  };
  requestAnimationFrame(() => tick(frames));
}
