// Signing in, pairing, passwords, devices and the network: translations, registered on first use.
import { useFeatureTranslation, type FeatureBundles } from '../jobs/i18n-bundles';
import en from './i18n.en.json';
import zhCN from './i18n.zh-CN.json';

export const IDENTITY_BUNDLES: FeatureBundles = { 'zh-CN': zhCN, en };

export function useIdentityTranslation() {
  return useFeatureTranslation(IDENTITY_BUNDLES);
}
