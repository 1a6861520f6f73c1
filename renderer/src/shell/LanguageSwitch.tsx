// The header's language switch: 中文 / EN, remembered through useSetLanguage.
import { SegmentedControl, VisuallyHidden } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage } from '../i18n';
import { useLanguage, useSetLanguage } from '../ui/use-language';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const language = useLanguage();
  const setLanguage = useSetLanguage();
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
