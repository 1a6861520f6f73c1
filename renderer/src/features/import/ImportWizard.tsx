// The import wizard: pick a file → encoding, delimiter and column mapping with a preview → the report (new,
// duplicates, errors) → import with a progress bar, or download the error rows to fix them. The session (upload,
// analysis, commit) is use-import-session; each step is one component in wizard/.
import { Alert, Stack } from '@mantine/core';
import { HistoryPanel } from './history/HistoryPanel';
import { ImportFileStep } from './wizard/ImportFileStep';
import { ImportFormatStep } from './wizard/ImportFormatStep';
import { ImportMappingStep } from './wizard/ImportMappingStep';
import { ImportProgressStep } from './wizard/ImportProgressStep';
import { ImportReadingStep } from './wizard/ImportReadingStep';
import { ImportReportStep } from './wizard/ImportReportStep';
import { useImportSession } from './wizard/use-import-session';

export function ImportWizard() {
  const session = useImportSession();
  const { analysis } = session;

  if (session.jobId !== null) return <ImportProgressStep session={session} />;

  return (
    <Stack gap="md">
      <ImportFileStep session={session} />
      {session.error && (
        <Alert color="red" data-testid="import-error">
          {session.error.message}
        </Alert>
      )}
      {analysis && (
        <>
          <ImportFormatStep
            analysis={analysis}
            isAnalyzing={session.isAnalyzing}
            onReanalyze={session.reanalyze}
          />
          <ImportMappingStep
            analysis={analysis}
            onMappingChange={(mapping) => session.reanalyze({ mapping })}
          />
          <ImportReadingStep
            analysis={analysis}
            reading={session.reading}
            onReading={session.answerReading}
          />
          {session.isHistory && analysis.history && (
            <HistoryPanel analysis={analysis} answers={session.answers} onAnswers={session.answerHistory} />
          )}
          <ImportReportStep analysis={analysis} session={session} />
        </>
      )}
    </Stack>
  );
}
