// What-if replay: a date range through the saved rules, the draft, or both side by side; nothing is written.
import { Alert, Button, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { ReplayReport, ReplaySide } from '../../../../core/api/distribution/calls';
import type { DistributionRule } from '../../../../core/domain/distribution/types';
import { useClient } from '../../api/client-context';
import { useReps, useTeamUtcOffset } from '../../api/queries';
import { periodOf } from '../../ui/team-period';
import { JobProgress } from '../jobs/JobProgress';
import { useJob } from '../jobs/job-store';
import { useRulesTranslation } from './bundle';

type Mode = 'saved' | 'draft' | 'compare';

function gradeMix(side: ReplaySide | null, repId: string): string {
  const figures = side?.perRep[repId];
  if (!figures) return '—';
  const g = figures.byGrade;
  return `${figures.total} (A${g['A'] ?? 0} B${g['B'] ?? 0} C${g['C'] ?? 0} D${g['D'] ?? 0})`;
}

function ReplayResultView({ report }: { report: ReplayReport }) {
  const { t } = useRulesTranslation();
  const reps = useReps(true);
  const sides: [string, ReplaySide][] = [[t('rulesEditor.replay.a'), report.a]];
  if (report.b) sides.push([t('rulesEditor.replay.b'), report.b]);
  const fmt = (n: number, digits = 1) => n.toFixed(digits);
  return (
    <Stack gap="sm" data-testid="replay-result">
      <Text size="sm">{t('rulesEditor.replay.leads', { count: report.leadCount })}</Text>
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th />
            {sides.map(([label]) => (
              <Table.Th key={label}>{label}</Table.Th>
            ))}
            <Table.Th>{t('rulesEditor.replay.actual')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <Table.Tr>
            <Table.Td>{t('rulesEditor.replay.stdDev')}</Table.Td>
            {sides.map(([label, side]) => (
              <Table.Td key={label}>{fmt(side.workloadStdDev)}</Table.Td>
            ))}
            <Table.Td>{report.a.vsActual ? fmt(report.a.vsActual.actualWorkloadStdDev) : '—'}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Td>{t('rulesEditor.replay.newRepShare')}</Table.Td>
            {sides.map(([label, side]) => (
              <Table.Td key={label}>{fmt(side.newRepShare * 100)}%</Table.Td>
            ))}
            <Table.Td>—</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Td>{t('rulesEditor.replay.expected')}</Table.Td>
            {sides.map(([label, side]) => (
              <Table.Td key={label}>{fmt(side.expectedConversions)}</Table.Td>
            ))}
            <Table.Td>{report.a.vsActual ? fmt(report.a.vsActual.actualExpectedConversions) : '—'}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Td>{t('rulesEditor.replay.pooled')}</Table.Td>
            {sides.map(([label, side]) => (
              <Table.Td key={label}>{side.pooled}</Table.Td>
            ))}
            <Table.Td>—</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Td>{t('rulesEditor.replay.recycled')}</Table.Td>
            {sides.map(([label, side]) => (
              <Table.Td key={label} data-testid="replay-recycled">
                {t('rulesEditor.replay.recycledCounts', {
                  recycled: side.recycled,
                  redistributed: side.redistributed,
                })}
              </Table.Td>
            ))}
            <Table.Td>—</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Td>{t('rulesEditor.replay.changed')}</Table.Td>
            {sides.map(([label, side]) => (
              <Table.Td key={label}>
                {side.vsActual ? `${side.vsActual.changed}/${side.vsActual.compared}` : '—'}
              </Table.Td>
            ))}
            <Table.Td>—</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('rulesEditor.replay.rep')}</Table.Th>
            {sides.map(([label]) => (
              <Table.Th key={label}>{label}</Table.Th>
            ))}
            <Table.Th>{t('rulesEditor.replay.actual')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(reps.data ?? []).map((rep) => (
            <Table.Tr key={rep.id}>
              <Table.Td>{rep.name}</Table.Td>
              {sides.map(([label, side]) => (
                <Table.Td key={label}>{gradeMix(side, rep.id)}</Table.Td>
              ))}
              <Table.Td>{report.a.vsActual?.actualPerRep[rep.id] ?? 0}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

export function ReplayPanel({
  draft,
  isDirty,
  range,
}: {
  draft: readonly DistributionRule[];
  isDirty: boolean;
  /** The days to start with (inclusive, `YYYY-MM-DD`); default the last 90 days. */
  range?: { readonly from: string; readonly to: string } | undefined;
}) {
  const { t } = useRulesTranslation();
  const client = useClient();
  // By default the team's last 90 days before today, and today (its days, not UTC's).
  const last = periodOf(91, useTeamUtcOffset());
  const [from, setFrom] = useState(range?.from ?? last.from);
  const [to, setTo] = useState(range?.to ?? last.to);
  const [mode, setMode] = useState<Mode>(isDirty ? 'compare' : 'saved');
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useJob(jobId);
  const start = useMutation({
    mutationFn: () =>
      client.call('distribution.replay', {
        from,
        to,
        ...(mode === 'draft' ? { rules: [...draft] } : {}),
        ...(mode === 'compare' ? { compareRules: [...draft] } : {}),
      }),
    onSuccess: (status) => setJobId(status.id),
  });
  const report = job?.state === 'done' ? (job.result as ReplayReport) : null;
  return (
    <Stack gap="md" data-testid="replay-panel">
      <Text size="sm" c="dimmed">
        {t('rulesEditor.replay.explain')}
      </Text>
      <Group align="flex-end">
        <DatePickerInput
          label={t('rulesEditor.replay.from')}
          valueFormat="YYYY-MM-DD"
          value={from || null}
          data-testid="replay-from"
          onChange={(value) => setFrom(value ?? '')}
        />
        <DatePickerInput
          label={t('rulesEditor.replay.to')}
          valueFormat="YYYY-MM-DD"
          value={to || null}
          data-testid="replay-to"
          onChange={(value) => setTo(value ?? '')}
        />
        <SegmentedControl
          value={mode}
          onChange={(v) => setMode(v as Mode)}
          data={[
            { value: 'saved', label: t('rulesEditor.replay.saved') },
            { value: 'draft', label: t('rulesEditor.replay.draft') },
            { value: 'compare', label: t('rulesEditor.replay.compare') },
          ]}
        />
        <Button onClick={() => start.mutate()} loading={start.isPending} data-testid="replay-start">
          {t('rulesEditor.replay.start')}
        </Button>
      </Group>
      {start.isError && <Alert color="red">{start.error.message}</Alert>}
      {job && <JobProgress job={job} label={t('rulesEditor.replay.job')} />}
      {report && <ReplayResultView report={report} />}
    </Stack>
  );
}
