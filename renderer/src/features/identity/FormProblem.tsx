// The end the sign-in and connect forms share: why the last try failed (worded by the client), then the submit
// button(s); and the hook that runs a try, keeps the form busy meanwhile and words its failure.
import { Alert } from '@mantine/core';
import { useCallback, useState, type ReactNode } from 'react';

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function FormProblem({
  problem,
  testId = 'sign-in-error',
  children,
}: {
  problem: string | null;
  testId?: string;
  /** The submit button(s), below the problem. */
  children: ReactNode;
}) {
  return (
    <>
      {problem && (
        <Alert color="red" role="alert" data-testid={testId}>
          {problem}
        </Alert>
      )}
      {children}
    </>
  );
}

/** One try at a time: busy while it runs, its failure worded as the form's problem (and handed to onFailure). */
export function useFormTry(): {
  isBusy: boolean;
  problem: string | null;
  run: (attempt: () => Promise<unknown>, onFailure?: (error: unknown) => void) => Promise<void>;
} {
  const [isBusy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const run = useCallback(async (attempt: () => Promise<unknown>, onFailure?: (error: unknown) => void) => {
    setBusy(true);
    setProblem(null);
    try {
      await attempt();
    } catch (error) {
      setProblem(errorText(error));
      onFailure?.(error);
    } finally {
      setBusy(false);
    }
  }, []);
  return { isBusy, problem, run };
}
