// Server state of the pools: the pools a person may see, a rep's recycle warnings and locks.
import { useQuery } from '@tanstack/react-query';
import { useClient } from '../../api/client-context';

export const poolsKeys = {
  all: ['pools'] as const,
  pools: () => [...poolsKeys.all, 'list'] as const,
  warnings: () => [...poolsKeys.all, 'warnings'] as const,
  locks: () => [...poolsKeys.all, 'locks'] as const,
};

export function usePools() {
  const client = useClient();
  return useQuery({ queryKey: poolsKeys.pools(), queryFn: () => client.call('pool.pools', {}) });
}

export function useRecycleWarnings() {
  const client = useClient();
  return useQuery({ queryKey: poolsKeys.warnings(), queryFn: () => client.call('pool.warnings', {}) });
}

export function useLocks() {
  const client = useClient();
  return useQuery({ queryKey: poolsKeys.locks(), queryFn: () => client.call('pool.locks', {}) });
}
