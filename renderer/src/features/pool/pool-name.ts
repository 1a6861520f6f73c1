// A pool's name as the reader sees it: the name the app gave the default pool reads in the UI language; a name
// someone typed stays as typed.
import type { TFunction } from 'i18next';
import { DEFAULT_POOL_NAME } from '../../../../core/domain/pool/types';

export function poolDisplayName(t: TFunction, name: string): string {
  return name === DEFAULT_POOL_NAME ? t('pools.defaultName') : name;
}

/** The name with the default pool's mark, as a list or a picker shows it. */
export function poolLabel(t: TFunction, pool: { name: string; isDefault: boolean }): string {
  const name = poolDisplayName(t, pool.name);
  return pool.isDefault ? t('pools.withDefaultMark', { name }) : name;
}
