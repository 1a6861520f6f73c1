// The header's language switch: 中文 / EN, remembered through useSetLanguage; before sign-in, in this browser only.
import { SegmentedControl, VisuallyHidden } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage, rememberLanguage, type Language } from '../i18n';
import { useLanguage, useSetLanguage } from '../ui/use-language';

export function LanguageSwitch({ isSignedIn = true }: { isSignedIn?: boolean }) {
  const { t, i18n } = useTranslation();
  const language = useLanguage();
  const saveLanguage = useSetLanguage();
  // The workspace preference needs a session; before one, the choice is kept by this browser only.
  const setLanguage = isSignedIn
    ? saveLanguage
    : (next: Language) => {
        void i18n.changeLanguage(next);
        rememberLanguage(next);
      };
  const labelId = useId();
  return (
    <>
      <VisuallyHidden id={labelId}>{t('language.label')}</VisuallyHidden>
      <SegmentedControl
        size="xs"
        aria-labelledby={labelId}
        value={language}
        onChange={(value) => {
          if (isLanguage(value)) setLanguage(value);
        }}
        data={[
          { value: 'zh-CN', label: '中文' },
          { value: 'en', label: 'EN' },
        ]}
      />
    </>
  );
}
