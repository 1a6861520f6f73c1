// The funnel as the team configured it: its stages in board order, which are shown, and their names in the UI
// language (falling back to the built-in translation until the settings arrive).
import { useMemo } from 'react';
import type { FunnelSettings } from '../../../../core/api/funnel/schemas';
import { BUILT_IN_STAGES, isBuiltInStage, type FunnelStage } from '../../../../core/domain/funnel';
import type { Language } from '../../i18n';
import { useLanguage } from '../../ui/use-language';
import { useWorkTranslation } from './work-i18n';
import { useWorkSettings } from './work-queries';

export function stageLabel(
  settings: FunnelSettings | undefined,
  stage: FunnelStage,
  language: Language,
  fallback: (key: string) => string,
): string {
  const entry = settings?.stages.find((s) => s.key === stage);
  if (entry) return language === 'zh-CN' ? entry.zh : entry.en;
  return isBuiltInStage(stage) ? fallback(`stages.${stage}`) : stage;
}

interface StageOption {
  readonly key: FunnelStage;
  readonly label: string;
  /** The label with "(hidden)" after it for a hidden stage: for filters, which still find leads there. */
  readonly pickerLabel: string;
  readonly isHidden: boolean;
  readonly isCustom: boolean;
}

interface FunnelStages {
  /** Every configured stage in board order, hidden ones included. */
  readonly all: readonly StageOption[];
  /** The shown stages: the board's columns and the choices where a lead can be moved. */
  readonly shown: readonly StageOption[];
  readonly label: (stage: FunnelStage) => string;
}

export function useFunnelStages(): FunnelStages {
  const { t } = useWorkTranslation();
  const language = useLanguage();
  const funnel = useWorkSettings().data?.funnel;
  return useMemo(() => {
    const label = (stage: FunnelStage) => stageLabel(funnel, stage, language, t);
    const configured = funnel?.stages ?? BUILT_IN_STAGES.map((key) => ({ key, hidden: false }));
    const all = configured.map(({ key, hidden }) => ({
      key,
      label: label(key),
      pickerLabel: hidden ? t('work.stages.hiddenLabel', { stage: label(key) }) : label(key),
      isHidden: hidden,
      isCustom: !isBuiltInStage(key),
    }));
    return { all, shown: all.filter((stage) => !stage.isHidden), label };
  }, [funnel, language, t]);
}
