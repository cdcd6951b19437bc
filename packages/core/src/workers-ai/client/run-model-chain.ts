import { GatewayError } from '../../errors/gateway-error';
import type { ResolvedModel } from '../catalog/resolve-model';
import { fallbackReasonOf } from '../errors/fallback-reason-of';
import type { WorkersAiRunOptions } from './create-workers-ai-client';

/** One try of one model: `ok`, or why it did not answer (a fallback reason or an error code). */
export interface ChainAttempt {
  model: string;
  outcome: string;
}

/** How the chain ended when a model answered. */
export interface ModelChainRun<T> {
  value: T;
  /** The model that answered. */
  used: ResolvedModel;
  /** Every try, in order, the answering one last. */
  attempts: ChainAttempt[];
  /** Why the first model did not answer, then each one after it (`busy, then Paid-only`); absent when it did. */
  reason?: string;
}

/** Options of `runModelChain`. */
export interface RunModelChainOptions {
  /** The client's signal: once aborted, no further model is tried. */
  signal?: AbortSignal;
  /** The longest upstream `Retry-After`, in seconds, worth waiting for before trying the same model again. */
  maximumWaitSeconds?: number;
  /** Called after each try, the failed ones included, for the log line. */
  onAttempt?: (attempt: ChainAttempt) => void;
}

/** Upstream options for one try: what `attempt` passes to the Workers AI client. */
export type ChainRunOptions = Pick<WorkersAiRunOptions, 'retry' | 'rejectIfBusy'>;

// A 429 asking for longer than this is better answered by the next model at once.
const DEFAULT_MAXIMUM_WAIT_SECONDS = 2;

/**
 * Tries `candidates` in order until one answers (issue 14). `attempt` makes one model's calls,
 * with the upstream options it is given: while another model is left, `rejectIfBusy` (a busy model
 * answers 3040 at once instead of queueing) and only the client's retry of a lost connection; the
 * last model gets the client's usual quick retry.
 *
 * A failure moves on when `fallbackReasonOf` names a reason; a 429 with a `Retry-After` of at most
 * `maximumWaitSeconds` is first waited out and the same model tried once more. The first model's
 * other failures are the client's answer at once (its own 4xx, the exhausted day). A later model
 * that refuses the request (say, no tool support) is passed over; the exhausted day ends the chain
 * wherever it happens. When no model answers, the first model's error is thrown: it names the
 * model the client asked for, with its `Retry-After`.
 */
export async function runModelChain<T>(
  candidates: readonly ResolvedModel[],
  attempt: (candidate: ResolvedModel, options: ChainRunOptions) => Promise<T>,
  options: RunModelChainOptions = {},
): Promise<ModelChainRun<T>> {
  const attempts: ChainAttempt[] = [];
  const reasons: string[] = [];
  const record = (model: string, outcome: string) => {
    const entry = { model, outcome };
    attempts.push(entry);
    options.onAttempt?.(entry);
  };
  const maximumWait = options.maximumWaitSeconds ?? DEFAULT_MAXIMUM_WAIT_SECONDS;
  let firstError: unknown;
  for (const [index, candidate] of candidates.entries()) {
    const last = index === candidates.length - 1;
    const runOptions: ChainRunOptions = last ? {} : { retry: 'connection', rejectIfBusy: true };
    let waited = false;
    for (;;) {
      try {
        const value = await attempt(candidate, runOptions);
        record(candidate.model, 'ok');
        return {
          value,
          used: candidate,
          attempts,
          ...(reasons.length > 0 ? { reason: reasons.join(', then ') } : {}),
        };
      } catch (error) {
        if (options.signal?.aborted) throw error;
        const reason = fallbackReasonOf(error);
        const retryAfter = error instanceof GatewayError ? error.retryAfter : undefined;
        if (reason === 'rate limited' && !waited && retryAfter !== undefined && retryAfter <= maximumWait) {
          record(candidate.model, `${reason}, waited ${retryAfter} s`);
          waited = true;
          await sleep(retryAfter * 1000, options.signal);
          continue;
        }
        record(candidate.model, reason ?? (error instanceof GatewayError ? error.code : 'error'));
        if (index === 0) firstError = error;
        const endsChain =
          (index === 0 && reason === undefined) ||
          (error instanceof GatewayError && error.code === 'insufficient_quota');
        if (endsChain) throw error;
        if (reason !== undefined) reasons.push(reason);
        if (last) throw firstError;
        break;
      }
    }
  }
  // Only reached with no candidates at all.
  throw firstError ?? new GatewayError(503, 'configuration_error', 'No model to run.');
}

function sleep(milliseconds: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, milliseconds);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
