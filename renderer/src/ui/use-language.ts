// The current UI language as a typed value, and the one way to change it (i18n, first-paint memory, workspace).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../api/client-context';
import { queryKeys } from '../api/query-keys';
import { currentLanguage, rememberLanguage, type Language } from '../i18n';

export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return currentLanguage(i18n);
}

export function useSetLanguage(): (language: Language) => void {
  const { i18n } = useTranslation();
  const client = useClient();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (language: Language) => client.call('preferences.set', { language }),
  });
  const { mutate } = save;
  return useCallback(
    (language: Language) => {
      // The cache learns the choice at once, so nothing re-applies the old saved language meanwhile.
      queryClient.setQueryData(queryKeys.preferences, { language });
      void i18n.changeLanguage(language);
      rememberLanguage(language);
      mutate(language);
    },
    [i18n, mutate, queryClient],
  );
}
