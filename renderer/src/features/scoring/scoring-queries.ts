// Server state for scoring: the model in force, the learned model, the blend, and a debounced preview of a draft.
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect } from 'react';
import type { ScoringModel } from '../../../../core/domain/scoring/model';
import { useClient } from '../../api/client-context';
import { queryKeys } from '../../api/query-keys';

export const scoringKeys = {
  all: ['scoring'] as const,
  model: ['scoring', 'model'] as const,
  learned: ['scoring', 'learned'] as const,
  blend: ['scoring', 'blend'] as const,
  preview: (baseVersion: number, draft: string) => ['scoring', 'preview', baseVersion, draft] as const,
};

/** Refreshes scoring data when a model is saved or a rescore/training job ends, on any client. */
function useScoringEvents(): void {
  const client = useClient();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      client.subscribe((event) => {
        if (event.event === 'scoring.changed') {
          void queryClient.invalidateQueries({ queryKey: scoringKeys.model });
        } else if (event.event === 'jobs.progress') {
          const job = event.payload;
          if (job.state === 'running') return;
          if (job.kind === 'rescore') {
            void queryClient.invalidateQueries({ queryKey: scoringKeys.model });
            void queryClient.invalidateQueries({ queryKey: queryKeys.leads });
          } else if (job.kind === 'train') {
            void queryClient.invalidateQueries({ queryKey: scoringKeys.learned });
          }
        }
      }),
    [client, queryClient],
  );
}

export function useScoringModel() {
  const client = useClient();
  useScoringEvents();
  return useQuery({ queryKey: scoringKeys.model, queryFn: () => client.call('scoring.getModel', {}) });
}

/** The current model version alone, for stale markers; undefined until known. */
export function useCurrentModelVersion(): number | undefined {
  return useScoringModel().data?.model.version;
}

export function useLearnedModel() {
  const client = useClient();
  return useQuery({ queryKey: scoringKeys.learned, queryFn: () => client.call('scoring.getLearned', {}) });
}

export function useScoreBlend() {
  const client = useClient();
  return useQuery({ queryKey: scoringKeys.blend, queryFn: () => client.call('scoring.getBlend', {}) });
}

/** Grade moves the draft would cause, recalculated 400 ms after the last edit; the last answer stays on screen. */
export function useModelPreview(draft: ScoringModel | null, baseVersion: number) {
  const client = useClient();
  const [debounced] = useDebouncedValue(draft === null ? null : JSON.stringify(draft), 400);
  return useQuery({
    queryKey: scoringKeys.preview(baseVersion, debounced ?? ''),
    queryFn: () =>
      client.call('scoring.previewModel', { model: JSON.parse(debounced ?? '{}') as ScoringModel }),
    enabled: debounced !== null,
    placeholderData: keepPreviousData,
    staleTime: 0,
    gcTime: 30_000,
  });
}

/** Custom field keys in use: from a sample of leads plus any the model already reads. */
export function useCustomFieldKeys(model: ScoringModel | undefined): string[] {
  const client = useClient();
  const sample = useQuery({
    queryKey: [...queryKeys.leads, 'custom-keys'],
    queryFn: async () => {
      const page = await client.call('leads.list', { limit: 500 });
      return [...new Set(page.rows.flatMap((lead) => Object.keys(lead.customFields)))];
    },
    staleTime: 5 * 60_000,
  });
  const keys = new Set(sample.data ?? []);
  for (const criterion of model?.criteria ?? []) {
    if (criterion.field.startsWith('custom.')) keys.add(criterion.field.slice('custom.'.length));
  }
  return [...keys].filter((key) => key.trim() !== '').sort();
}
