// "Test a lead": an existing lead or a few typed fields against the draft rules — which rule, who, and why.
import { Alert, Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { TestLeadResult } from '../../../../core/api/distribution/calls';
import type { DistributionRule } from '../../../../core/domain/distribution/types';
import { GRADES, type Grade } from '../../../../core/domain/funnel';
import { useClient } from '../../api/client-context';
import { useRepNames } from '../../api/queries';
import { describeTokens, fieldLabel } from '../distribution/bundle';
import { useRulesTranslation } from './bundle';

const TEXT_FIELDS = ['region', 'industry', 'source', 'product', 'company', 'title'] as const;
type TextField = (typeof TEXT_FIELDS)[number];

export function TestLeadBox({ rules }: { rules: readonly DistributionRule[] }) {
  const { t } = useRulesTranslation();
  const client = useClient();
  const repNames = useRepNames();
  const [leadId, setLeadId] = useState<string | null>(null);
  const [grade, setGrade] = useState<Grade | null>(null);
  const [fields, setFields] = useState<Record<TextField, string>>({
    region: '',
    industry: '',
    source: '',
    product: '',
    company: '',
    title: '',
  });
  const recent = useQuery({
    queryKey: ['leads', 'recentForTest'],
    queryFn: () => client.call('leads.list', { limit: 50, sort: 'createdAt', direction: 'desc' }),
  });
  const test = useMutation({
    mutationFn: (): Promise<TestLeadResult> =>
      client.call('distribution.testLead', {
        rules: [...rules],
        ...(leadId
          ? { leadId }
          : {
              lead: {
                ...Object.fromEntries(TEXT_FIELDS.map((f) => [f, fields[f].trim() || null])),
                ...(grade ? { grade } : {}),
              },
            }),
      }),
  });
  const result = test.data;
  return (
    <Card withBorder padding="md" data-testid="test-lead-box">
      <Stack gap="sm">
        <Title order={4}>{t('rulesEditor.test.title')}</Title>
        <Select
          label={t('rulesEditor.test.existing')}
          placeholder={t('rulesEditor.test.orFill')}
          data={(recent.data?.rows ?? []).map((lead) => ({ value: lead.id as string, label: lead.name }))}
          value={leadId}
          onChange={setLeadId}
          searchable
          clearable
          data-testid="test-lead-existing"
        />
        {leadId === null && (
          <SimpleGrid cols={3} spacing="xs">
            <Select
              label={fieldLabel(t, 'grade')}
              data={GRADES.map((g) => ({ value: g, label: g }))}
              value={grade}
              onChange={(v) => setGrade(v as Grade | null)}
              clearable
              data-testid="test-lead-grade"
            />
            {TEXT_FIELDS.map((field) => (
              <TextInput
                key={field}
                label={fieldLabel(t, field)}
                value={fields[field]}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  setFields((prev) => ({ ...prev, [field]: value }));
                }}
                data-testid={`test-lead-${field}`}
              />
            ))}
          </SimpleGrid>
        )}
        <Group>
          <Button onClick={() => test.mutate()} loading={test.isPending} data-testid="test-lead-run">
            {t('rulesEditor.test.run')}
          </Button>
        </Group>
        {test.isError && <Alert color="red">{test.error.message}</Alert>}
        {result && (
          <Stack gap={4} data-testid="test-lead-result">
            <Text fw={600}>
              {result.ruleName
                ? t('rulesEditor.test.caughtBy', { rule: result.ruleName })
                : t('rulesEditor.test.noRule')}
              {' · '}
              {result.repId
                ? t('rulesEditor.test.goesTo', { name: repNames.get(result.repId) ?? result.repId })
                : t('rulesEditor.test.goesToPool')}
            </Text>
            {describeTokens(t, result.summary.tokens, (id) => repNames.get(id) ?? id).map((line, i) => (
              <Text key={i} size="sm" c="dimmed">
                {line}
              </Text>
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
