// Server state of the working-the-leads pages: board, queue, pool, notifications, settings, as react-query hooks.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { BoardFilter } from '../../../../core/api/funnel/calls';
import type { CallInput } from '../../../../core/api/contract';
import type { FunnelStage } from '../../../../core/domain/funnel';
import { useClient } from '../../api/client-context';

/** Under 'leads' so every `leads.changed` event refreshes them too. */
export const workKeys = {
  all: ['leads', 'work'] as const,
  board: (filter: BoardFilter) => ['leads', 'work', 'board', filter] as const,
  cards: (stage: FunnelStage, filter: BoardFilter, page: number) =>
    ['leads', 'work', 'cards', stage, filter, page] as const,
  queue: (repId: string | undefined) => ['leads', 'work', 'queue', repId ?? 'mine'] as const,
  pool: (input: CallInput<'pool.list'>) => ['leads', 'work', 'pool', input] as const,
  agenda: (repId: string | undefined) => ['leads', 'work', 'agenda', repId ?? 'mine'] as const,
  stale: (days: number | undefined) => ['leads', 'work', 'stale', days ?? 0] as const,
  detail: (id: string) => ['leads', 'work', 'detail', id] as const,
  stageCounts: ['leads', 'work', 'stage-counts'] as const,
  settings: ['work-settings'] as const,
  notifications: ['notifications'] as const,
};

export const BOARD_PAGE = 50;

export function useWorkSettings() {
  const client = useClient();
  return useQuery({ queryKey: workKeys.settings, queryFn: () => client.call('work.settings', {}) });
}

/** Live leads per stage, for the stage editor (the team lead's only). */
export function useStageCounts() {
  const client = useClient();
  return useQuery({ queryKey: workKeys.stageCounts, queryFn: () => client.call('funnel.stageCounts', {}) });
}

export function useBoard(filter: BoardFilter) {
  const client = useClient();
  return useQuery({
    queryKey: workKeys.board(filter),
    queryFn: () => client.call('funnel.board', { filter, window: BOARD_PAGE }),
    placeholderData: (previous) => previous,
  });
}

export function useQueue(repId: string | undefined) {
  const client = useClient();
  return useQuery({
    queryKey: workKeys.queue(repId),
    queryFn: () => client.call('queue.list', repId === undefined ? {} : { repId }),
  });
}

/** A rep's agenda (the team lead may pick a rep): today and this week, overdue first. */
export function useAgenda(repId: string | undefined) {
  const client = useClient();
  return useQuery({
    queryKey: workKeys.agenda(repId),
    queryFn: () => client.call('followUps.agenda', repId === undefined ? {} : { repId }),
  });
}

export function usePool(input: CallInput<'pool.list'>) {
  const client = useClient();
  return useQuery({
    queryKey: workKeys.pool(input),
    queryFn: () => client.call('pool.list', input),
    placeholderData: (previous) => previous,
  });
}

export function useLeadWorkDetail(id: string | null) {
  const client = useClient();
  return useQuery({
    queryKey: workKeys.detail(id ?? ''),
    queryFn: () => client.call('work.leadDetail', { id: id ?? '' }),
    enabled: id !== null,
  });
}

export function useMoveLead() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CallInput<'funnel.move'>) => client.call('funnel.move', input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['leads'] }),
  });
}

export function useLogFollowUp() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CallInput<'followUps.log'>) => client.call('followUps.log', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['leads'] }),
  });
}

/**
 * The hub's time now, in epoch ms: the hub's clock may differ from this machine's (and tests move it), so
 * countdowns run from the `now` the hub last answered with. Changes only every `everyMs` (one shared timer for
 * every countdown on the page) and when the hub answers again, so memoized cards re-render only then.
 */
export function useServerNow(serverNow: number | undefined, everyMs = 30_000): number {
  const [tick, setTick] = useState<{ base: number | undefined; now: number }>({ base: undefined, now: 0 });
  useEffect(() => {
    const offset = serverNow === undefined ? 0 : serverNow - Date.now();
    const timer = setInterval(() => setTick({ base: serverNow, now: Date.now() + offset }), everyMs);
    return () => clearInterval(timer);
  }, [serverNow, everyMs]);
  return tick.base === serverNow ? tick.now : (serverNow ?? 0);
}
