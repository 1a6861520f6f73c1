// Adds a feature's translation bundles to the i18n instance in use, once per instance, from the feature itself.
import type { i18n as I18n } from 'i18next';
import { useTranslation } from 'react-i18next';
import en from './i18n.en.json';
import zhCN from './i18n.zh-CN.json';

export interface FeatureBundles {
  readonly 'zh-CN': object;
  readonly en: object;
}

// Keyed by the shared resource store: react-i18next hands each component its own proxy of the i18n object, so a
// key per object would merge the bundles again on every mount.
const registered = new WeakMap<object, Set<FeatureBundles>>();

/** Merges the bundles into this instance (deep, overwriting); idempotent, so it is safe to call while rendering. */
export function registerBundles(i18n: I18n, bundles: FeatureBundles): void {
  let done = registered.get(i18n.store);
  if (!done) {
    done = new Set();
    registered.set(i18n.store, done);
  }
  if (done.has(bundles)) return;
  done.add(bundles);
  i18n.addResourceBundle('zh-CN', 'translation', bundles['zh-CN'], true, true);
  i18n.addResourceBundle('en', 'translation', bundles.en, true, true);
}

/** `useTranslation` with the feature's bundles guaranteed to be present. */
export function useFeatureTranslation(bundles: FeatureBundles) {
  const result = useTranslation();
  registerBundles(result.i18n, bundles);
  return result;
}

export const JOBS_BUNDLES: FeatureBundles = { 'zh-CN': zhCN, en };
