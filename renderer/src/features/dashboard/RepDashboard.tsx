// A rep's own Dashboard: their response time, conversion and grade mix against the team's median (no other rep
// by name), and this month's one-question fairness pulse, anonymous to the team lead unless signed.
import {
  Button,
  Checkbox,
  Group,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { useClient } from '../../api/client-context';
import { formatNumber } from '../../ui/format';
import { useLanguage } from '../../ui/use-language';
import { useActor } from '../distribution/distribution-queries';
import { useDashboardTranslation } from './bundle';
import { formatFigure, formatMinutes, formatShare, hitsOf } from './dashboard-format';
import { periodOf } from '../../ui/team-period';
import { CountsLine, DrillProvider } from './DrillContext';
import { Figure } from './Figure';
import { HandOversLink, HandOversText, responseLogLink } from './HandOversLink';
import { useTeamUtcOffset } from '../../api/queries';

const GRADE_KEYS = ['A', 'B', 'C', 'D'] as const;

function Pulse() {
  const { t } = useDashboardTranslation();
  const client = useClient();
  const queryClient = useQueryClient();
  const mine = useQuery({
    queryKey: ['dashboard', 'myPulse'],
    queryFn: () => client.call('dashboard.myPulse', {}),
  });
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const [isSigned, setSigned] = useState(false);
  const send = useMutation({
    mutationFn: () =>
      client.call('dashboard.answerPulse', {
        score,
        isSigned,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['dashboard', 'myPulse'] }),
  });
  const answer = mine.data?.answer ?? null;
  return (
    <Paper withBorder radius="md" p="md" data-testid="pulse-form">
      <Text fw={600}>{t('dashboard.mine.pulseTitle')}</Text>
      <Text size="xs" c="dimmed" mb="xs">
        {t('dashboard.mine.pulseHint')}
      </Text>
      {answer !== null && (
        <Text size="sm" mb="xs" data-testid="pulse-answered">
          {t('dashboard.mine.answered', { score: answer.score, month: mine.data?.month ?? '' })}
        </Text>
      )}
      <Stack gap="xs">
        <Radio.Group
          aria-label={t('dashboard.mine.pulseTitle')}
          value={score === 0 ? null : String(score)}
          onChange={(value) => setScore(Number(value))}
        >
          <Group gap="md">
            {[1, 2, 3, 4, 5].map((n) => (
              <Radio key={n} value={String(n)} label={String(n)} />
            ))}
          </Group>
        </Radio.Group>
        <Textarea
          label={t('dashboard.mine.comment')}
          value={comment}
          maxLength={500}
          onChange={(event) => setComment(event.currentTarget.value)}
        />
        <Checkbox
          label={t('dashboard.mine.sign')}
          checked={isSigned}
          onChange={(event) => setSigned(event.currentTarget.checked)}
        />
        <Group>
          <Button disabled={score < 1} loading={send.isPending} onClick={() => send.mutate()}>
            {t('dashboard.mine.send')}
          </Button>
          {send.data !== undefined && (
            <Text size="sm" c="teal.7">
              {t('dashboard.mine.sent', { month: send.data.month })}
            </Text>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

/** The hint under a share of the rep's: the counts it divides, then the team's median. */
function CountsOverTeam({ counts, team }: { counts: ReactNode; team: string }) {
  return (
    <Stack gap={0}>
      {counts}
      <Text size="xs">{team}</Text>
    </Stack>
  );
}

export function RepDashboard() {
  const { t } = useDashboardTranslation();
  const language = useLanguage();
  const client = useClient();
  const offset = useTeamUtcOffset();
  const period = useMemo(() => periodOf(30, offset), [offset]);
  const mine = useQuery({
    queryKey: ['leads', 'dashboard', 'mine', period],
    queryFn: () => client.call('dashboard.mine', period),
  });
  const data = mine.data;
  const actor = useActor();
  const me = actor?.role === 'rep' ? actor.repId : null;
  const team = (value: string) => t('dashboard.mine.team', { value });
  /** The rep's own period: what their counts open, on the Leads page and in the history. */
  const mineQuery = me === null ? null : { ...period, repId: me };
  return (
    <Stack gap="md">
      <div>
        <Title order={2}>{t('dashboard.mine.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('dashboard.mine.hint', period)}
        </Text>
      </div>
      {data !== undefined && (
        // Counts open what is behind them: the rep's closed leads on the Leads page, hand-overs in the history.
        <DrillProvider query={mineQuery}>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
            <Figure
              testId="mine-response"
              label={t('dashboard.mine.response')}
              definition={t('dashboard.mine.definitions.response')}
              value={formatMinutes(data.responseMedianMinutes.mine, language, t)}
              hint={team(formatMinutes(data.responseMedianMinutes.teamMedian, language, t))}
            />
            {/* Each share with the two counts it divides, as the team lead's cards give them. */}
            <Figure
              testId="mine-within"
              label={t('dashboard.mine.within')}
              definition={t('dashboard.mine.definitions.within')}
              value={formatShare(data.withinTarget.mine.value, language)}
              hint={
                <CountsOverTeam
                  counts={
                    <Text size="xs" data-testid="mine-within-counts">
                      <HandOversText
                        i18nKey="dashboard.mine.withinCounts"
                        counts={{
                          hits: {
                            count: hitsOf(data.withinTarget.mine),
                            link: responseLogLink(mineQuery, 'within'),
                            testId: 'mine-within-hits',
                          },
                          n: {
                            count: data.withinTarget.mine.n,
                            link: responseLogLink(mineQuery, 'decided'),
                            testId: 'mine-within-n',
                          },
                        }}
                      />
                    </Text>
                  }
                  team={team(formatShare(data.withinTarget.teamMedian, language))}
                />
              }
            />
            <Figure
              testId="mine-conversion"
              label={t('dashboard.mine.conversion')}
              definition={t('dashboard.mine.definitions.conversion')}
              value={formatShare(data.conversion.mine.value, language)}
              hint={
                <CountsOverTeam
                  counts={
                    <CountsLine
                      testId="mine-conversion-counts"
                      i18nKey="dashboard.mine.conversionCounts"
                      counts={{
                        won: {
                          count: hitsOf(data.conversion.mine),
                          label: t('dashboard.kpi.conversion.wonClosed'),
                          request: { metric: 'won_closed' },
                          testId: 'mine-won',
                        },
                        closed: {
                          count: data.conversion.mine.n,
                          label: t('dashboard.kpi.conversion.closed'),
                          request: { metric: 'closed' },
                          testId: 'mine-closed',
                        },
                      }}
                    />
                  }
                  team={team(formatShare(data.conversion.teamMedian, language))}
                />
              }
            />
            <Figure
              testId="mine-mix"
              label={t('dashboard.mine.mix')}
              definition={t('dashboard.mine.definitions.mix')}
              // Four counts on one line of a quarter-width card at 1280 px, as the other cards' one figure.
              valueSize={20}
              // A no-break space inside each pair: a narrow card wraps between grades, never inside one.
              value={GRADE_KEYS.map((g, index) => (
                <span key={g}>
                  {index > 0 && ' · '}
                  {`${g}\u00a0`}
                  {me === null ? (
                    formatNumber(data.gradeMix.mine[g], language)
                  ) : (
                    <HandOversLink count={data.gradeMix.mine[g]} link={{ repId: me, grade: g, ...period }} />
                  )}
                </span>
              ))}
              hint={team(
                GRADE_KEYS.map(
                  (g) => `${g}\u00a0${formatFigure(data.gradeMix.teamMedian[g], language)}`,
                ).join(' · '),
              )}
            />
          </SimpleGrid>
        </DrillProvider>
      )}
      <Pulse />
    </Stack>
  );
}
