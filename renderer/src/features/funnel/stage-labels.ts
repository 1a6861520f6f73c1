// Stage names as the team configured them, in the UI language (falling back to the built-in translation).
import type { FunnelSettings } from '../../../../core/api/calls/work-calls';
import type { FunnelStage } from '../../../../core/domain/funnel';
import type { Language } from '../../i18n';

export function stageLabel(
  settings: FunnelSettings | undefined,
  stage: FunnelStage,
  language: Language,
  fallback: (key: string) => string,
): string {
  const entry = settings?.stages.find((s) => s.key === stage);
  if (!entry) return fallback(`stages.${stage}`);
  return language === 'zh-CN' ? entry.zh : entry.en;
}
