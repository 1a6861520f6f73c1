// Applies the workspace's saved language once it loads (localStorage only covered the first paint).
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from './api/client-context';
import { queryKeys } from './api/query-keys';
import { rememberLanguage } from './i18n';

export function LanguageSync() {
  const client = useClient();
  const { i18n } = useTranslation();
  const preferences = useQuery({
    queryKey: queryKeys.preferences,
    queryFn: () => client.call('preferences.get', {}),
    staleTime: Infinity,
  });
  const saved = preferences.data?.language ?? null;
  // Apply a saved language when it first arrives or changes, never again on a re-render: by then the user may have
  // switched, and their switch must win.
  const applied = useRef<string | null>(null);
  useEffect(() => {
    if (!saved || applied.current === saved) return;
    applied.current = saved;
    if (saved !== i18n.language) void i18n.changeLanguage(saved);
    rememberLanguage(saved);
  }, [saved, i18n]);
  return null;
}
