// The Mantine theme: system fonts with CJK fallbacks (no remote fonts: the app runs air-gapped), and colours that
// meet WCAG 2.1 AA in light mode (text, buttons and badges 4.5:1; focus rings and UI parts 3:1).
import {
  createTheme,
  Drawer,
  FileInput,
  Menu,
  Modal,
  MultiSelect,
  Notification,
  PasswordInput,
  Popover,
  Select,
  TagsInput,
  type MantineColorsTuple,
  type MantineThemeOverride,
} from '@mantine/core';
import { DatePickerInput, DateTimePicker, type CalendarAriaLabels } from '@mantine/dates';
import dayjs from 'dayjs';

const FONT_STACK = [
  '-apple-system',
  'BlinkMacSystemFont',
  '"Segoe UI"',
  'Roboto',
  '"Helvetica Neue"',
  'Arial',
  '"PingFang SC"',
  '"Hiragino Sans GB"',
  '"Microsoft YaHei"',
  '"Noto Sans CJK SC"',
  '"Noto Sans SC"',
  '"Source Han Sans SC"',
  'sans-serif',
].join(', ');

/**
 * Mantine's palettes with shades 7–9 darkened (each channel scaled, so the hue stays) until they reach at least
 * 4.8:1 (7), 5.6:1 (8) and 7:1 (9) on white; shades 0–6 are Mantine's own. With `primaryShade` 8, a filled button or
 * badge in any colour carries white text at ≥ 5.6:1, coloured text (`c="red"`, the `-text` variable) reads at ≥ 5:1
 * even on the page's grey-0 background, and a light badge (shade 9 on shade 1) at ≥ 5.5:1.
 * Grey 6 is `dimmed` (secondary text): darkened from 3.3:1 to 5.3:1 on white (4.8:1 on the kanban's grey 1).
 * Red 6 is the error text and a red menu item's colour: darkened from 3.3:1 to 4.6:1.
 */
// prettier-ignore
const COLORS: Record<string, MantineColorsTuple> = {
  red: ['#fff5f5', '#ffe3e3', '#ffc9c9', '#ffa8a8', '#ff8787', '#ff6b6b', '#cf4444', '#d33737', '#c42b2b', '#aa2323'],
  orange: ['#fff4e6', '#ffe8cc', '#ffd8a8', '#ffc078', '#ffa94d', '#ff922b', '#fd7e14', '#bf5005', '#b14409', '#9f350b'],
  yellow: ['#fff9db', '#fff3bf', '#ffec99', '#ffe066', '#ffd43b', '#fcc419', '#fab005', '#9d6600', '#975800', '#8a4700'],
  teal: ['#e6fcf5', '#c3fae8', '#96f2d7', '#63e6be', '#38d9a9', '#20c997', '#12b886', '#09825e', '#077654', '#066548'],
  green: ['#ebfbee', '#d3f9d8', '#b2f2bb', '#8ce99a', '#69db7c', '#51cf66', '#40c057', '#288238', '#237633', '#20652e'],
  cyan: ['#e3fafc', '#c5f6fa', '#99e9f2', '#66d9e8', '#3bc9db', '#22b8cf', '#15aabf', '#0d7d8f', '#0a7283', '#096172'],
  blue: ['#e7f5ff', '#d0ebff', '#a5d8ff', '#74c0fc', '#4dabf7', '#339af0', '#228be6', '#1a74c5', '#1769b4', '#165a9b'],
  lime: ['#f4fce3', '#e9fac8', '#d8f5a2', '#c0eb75', '#a9e34b', '#94d82d', '#82c91e', '#4f7e0f', '#46730a', '#3e6309'],
  pink: ['#fff0f6', '#ffdeeb', '#fcc2d7', '#faa2c1', '#f783ac', '#f06595', '#e64980', '#d13269', '#c2255c', '#a61e4d'],
  gray: ['#f8f9fa', '#f1f3f5', '#e9ecef', '#dee2e6', '#ced4da', '#adb5bd', '#666c72', '#495057', '#343a40', '#212529'],
};

/** What the theme names and formats in the UI's language. */
export interface ThemeWords {
  /** The close buttons of every modal, drawer and toast (a Mantine close button is an icon with no name). */
  readonly close: string;
  /** The clear buttons of the file picker, selects and date pickers. */
  readonly clear: string;
  /** A password or PIN field's eye button (Mantine names it in English). */
  readonly showHide: string;
  /** A date picker's month heading, as dayjs formats it: "2026年12月", not dayjs's "十二月 2026". */
  readonly monthLabelFormat: string;
  /** A day's name for a screen reader: "2026年12月10日", not "10 十二月 2026". */
  readonly dayLabelFormat: string;
  /** A date picker's arrows and level buttons (Mantine leaves them unnamed). */
  readonly calendar: CalendarAriaLabels;
}

/** The theme, with its buttons named and its date pickers' headings in the UI's language (ThemeWords). */
export function createAppTheme(words: ThemeWords): MantineThemeOverride {
  const closeButtonProps = { 'aria-label': words.close };
  const clearButtonProps = { 'aria-label': words.clear };
  const visibilityToggleButtonProps = { 'aria-label': words.showHide };
  const datePickerProps = {
    monthLabelFormat: words.monthLabelFormat,
    getDayAriaLabel: (date: string) => dayjs(date).format(words.dayLabelFormat),
    ariaLabels: words.calendar,
    clearButtonProps,
  };
  return createTheme({
    primaryColor: 'indigo',
    primaryShade: { light: 8, dark: 8 },
    colors: COLORS,
    defaultRadius: 'md',
    fontFamily: FONT_STACK,
    headings: { fontFamily: FONT_STACK, fontWeight: '650' },
    cursorType: 'pointer',
    // Keyboard focus always shows (app.css draws the ring: 2px, primary shade 8, ≥ 5.6:1 on white).
    focusRing: 'auto',
    components: {
      Modal: Modal.extend({ defaultProps: { closeButtonProps } }),
      Drawer: Drawer.extend({ defaultProps: { closeButtonProps } }),
      Notification: Notification.extend({ defaultProps: { closeButtonProps } }),
      FileInput: FileInput.extend({ defaultProps: { clearButtonProps } }),
      Select: Select.extend({ defaultProps: { clearButtonProps } }),
      MultiSelect: MultiSelect.extend({ defaultProps: { clearButtonProps } }),
      TagsInput: TagsInput.extend({ defaultProps: { clearButtonProps } }),
      PasswordInput: PasswordInput.extend({ defaultProps: { visibilityToggleButtonProps } }),
      Popover: Popover.extend({ defaultProps: { returnFocus: true } }),
      DatePickerInput: DatePickerInput.extend({ defaultProps: datePickerProps }),
      DateTimePicker: DateTimePicker.extend({ defaultProps: datePickerProps }),
      // Mantine's focus placeholder is a focusable child of role=menu, which a menu may not have (only its items);
      // without it the dropdown itself takes the focus and ↓ reaches the first item.
      Menu: Menu.extend({ defaultProps: { withInitialFocusPlaceholder: false } }),
    },
  });
}
