// The refusal a call ended with: fails the test when the call succeeded or threw something other than an ApiError.
import { expect } from 'vitest';
import { ApiError } from '../../core/api/errors';

export async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}
