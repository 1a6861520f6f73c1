// Handlers of the test hooks: moving an adjustable clock forward, then ticking.
import type { HandlersOf } from '../call-context';
import { ServiceError } from '../errors';
import { runSlaTick } from '../sla/tick';
import type { devCalls } from './calls';
import { DEV_ERRORS } from './errors';
import { findClockAdvancer } from './test-clock';

export const devHandlers: HandlersOf<typeof devCalls> = {
  'dev.advanceClock'(ctx, input) {
    const advance = findClockAdvancer(ctx.clock);
    if (advance === undefined) throw new ServiceError(DEV_ERRORS.testHooksOff);
    advance(input.minutes * 60_000);
    return runSlaTick(ctx);
  },
};
