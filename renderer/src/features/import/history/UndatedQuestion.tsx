// The question a past-leads file with no arrival column asks once: one date for every row, or dates unknown.
import { Alert, Group, Radio, Stack, Text } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useState } from 'react';
import type { HistoryAnswers } from '../../../../../core/api/import/schemas';
import { useHistoryTranslation } from './HistoryPanel';

/** Midday of a local calendar day, so the day stays the same in any time zone within ±12 h. */
function middayOf(isoDate: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) return null;
  const at = new Date(`${isoDate}T12:00:00`).getTime();
  return Number.isNaN(at) ? null : at;
}

function isoDateOf(at: number): string {
  const date = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function UndatedQuestion({
  answers,
  onAnswers,
}: {
  answers: HistoryAnswers;
  onAnswers: (answers: HistoryAnswers) => void;
}) {
  const { t } = useHistoryTranslation();
  const given = answers.undated;
  const [date, setDate] = useState(() =>
    given && 'fallbackCreatedAt' in given ? isoDateOf(given.fallbackCreatedAt) : '',
  );
  const choice = given === undefined ? null : 'datesUnknown' in given ? 'unknown' : 'date';
  const answerDate = (value: string) => {
    setDate(value);
    const at = middayOf(value);
    if (at !== null) onAnswers({ ...answers, undated: { fallbackCreatedAt: at } });
  };
  return (
    <Alert
      color={given ? 'gray' : 'orange'}
      data-testid="history-undated"
      title={t('importHistory.undated.title')}
    >
      <Stack gap="xs">
        <Text size="sm">{t('importHistory.undated.hint')}</Text>
        <Radio.Group
          value={choice}
          onChange={(value) => {
            if (value === 'unknown') onAnswers({ ...answers, undated: { datesUnknown: true } });
            else if (middayOf(date) !== null) answerDate(date);
            else onAnswers({ ...answers, undated: undefined });
          }}
        >
          <Stack gap={6}>
            <Group gap="sm" align="center">
              <Radio
                value="date"
                label={t('importHistory.undated.oneDate')}
                data-testid="history-undated-date"
              />
              <DatePickerInput
                size="xs"
                aria-label={t('importHistory.undated.date')}
                valueFormat="YYYY-MM-DD"
                value={date || null}
                onChange={(value) => answerDate(value ?? '')}
                data-testid="history-undated-date-input"
              />
            </Group>
            <Radio
              value="unknown"
              label={t('importHistory.undated.unknown')}
              data-testid="history-undated-unknown"
            />
          </Stack>
        </Radio.Group>
      </Stack>
    </Alert>
  );
}
