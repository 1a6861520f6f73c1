// The translation bundles of the working-the-leads pages (funnel, queue, pool, notifications), registered on use.
import { useTranslation } from 'react-i18next';
import type { FeatureBundles } from '../jobs/i18n-bundles';
import { registerBundles } from '../jobs/i18n-bundles';
import en from './i18n.en.json';
import zhCN from './i18n.zh-CN.json';

export const WORK_BUNDLES: FeatureBundles = { 'zh-CN': zhCN, en };

/**
 * react-i18next hands every component its own Proxy of the instance, so registering per `i18n` would deep-copy
 * both bundles on every mount (every kanban card); the store behind the proxies is the identity to remember.
 */
const registeredStores = new WeakSet<object>();

export function useWorkTranslation() {
  const result = useTranslation();
  const store = result.i18n.store;
  if (!registeredStores.has(store)) {
    registeredStores.add(store);
    registerBundles(result.i18n, WORK_BUNDLES);
  }
  return result;
}
