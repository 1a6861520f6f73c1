// The stage editor's limits for one stage: most leads in it, most per rep, and days idle before a card rots.
import { Group, NumberInput } from '@mantine/core';
import type { StageLimits } from '../../../../../core/domain/funnel-wip/wip';
import { useWipTranslation } from './wip-i18n';

const FIELDS = [
  ['wipLimit', 100_000],
  ['repWipLimit', 100_000],
  ['rotDays', 3650],
] as const;

export function StageLimitsInputs({
  limits,
  stageName,
  disabled,
  onChange,
}: {
  limits: StageLimits;
  stageName: string;
  disabled: boolean;
  onChange: (next: StageLimits) => void;
}) {
  const { t } = useWipTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      {FIELDS.map(([key, max]) => (
        <NumberInput
          key={key}
          size="xs"
          w={56}
          hideControls
          min={1}
          max={max}
          allowDecimal={false}
          allowNegative={false}
          disabled={disabled}
          placeholder={t(`wip.short.${key}`)}
          title={t(`wip.${key}`)}
          aria-label={t('wip.limitsOf', { what: t(`wip.${key}`), stage: stageName })}
          value={limits[key] ?? ''}
          onChange={(value) =>
            onChange({ ...limits, [key]: typeof value === 'number' && value >= 1 ? value : null })
          }
          data-testid={`stage-${key}`}
        />
      ))}
    </Group>
  );
}

/** The header words for the three inputs, in order. */
export function StageLimitsHeader() {
  const { t } = useWipTranslation();
  return <span title={FIELDS.map(([key]) => t(`wip.${key}`)).join(' / ')}>{t('wip.limits')}</span>;
}
