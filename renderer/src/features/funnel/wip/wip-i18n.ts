// The kanban limits' own words (WIP limits, rotting), registered once per i18n store.
import { useTranslation } from 'react-i18next';
import { registerBundles, type FeatureBundles } from '../../jobs/i18n-bundles';
import en from './i18n.en.json';
import zhCN from './i18n.zh-CN.json';

export const WIP_BUNDLES: FeatureBundles = { 'zh-CN': zhCN, en };

export function useWipTranslation() {
  const result = useTranslation();
  registerBundles(result.i18n, WIP_BUNDLES);
  return result;
}
