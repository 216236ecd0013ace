import { getOperationAST, type GraphQLError, Kind } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { ExpectedError } from '../errors.ts';
import { audit, clientKey, type Logger, type RequestRecord } from '../http/logging.ts';
import { operationCost } from './cost.ts';
import type { RateLimits, Refusal } from './rate-limits.ts';

type RecordContext = { record: RequestRecord };

/** Codes that mean the request was turned away, rather than failing. */
const refusalCodes = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'RATE_LIMITED']);

/** A coded RATE_LIMITED error that Yoga answers with HTTP 429 and Retry-After. */
export function rateLimited(refusal: Refusal): ExpectedError {
  return new ExpectedError('RATE_LIMITED', refusal.message, {
    retryAfterSeconds: refusal.retryAfterSeconds,
    http: { status: 429, headers: { 'retry-after': String(refusal.retryAfterSeconds) } },
  });
}

/**
 * Refuses an operation with RATE_LIMITED before it runs when its client has used its database
 * time for the minute, or would pass its writes a minute (which it is charged); notes
 * the operation in the request's record, and audits writes and refusals once they are answered.
 */
export function requestLimitsPlugin(limits: RateLimits, logger: Logger): Plugin<RecordContext> {
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const { record } = args.contextValue;
      const operation = getOperationAST(args.document, args.operationName ?? undefined);
      record.operation = operation?.name?.value;
      record.operationType = operation?.operation;
      record.fields = operation?.selectionSet.selections.flatMap((selection) => (selection.kind === Kind.FIELD ? [selection.name.value] : []));
      record.cost = operationCost(args.document);
      const client = clientKey(record);
      const writes = record.operationType === 'mutation' ? (record.fields?.length ?? 0) : 0;
      const refusal = (await limits.costRefusal(client)) ?? (await limits.chargeWrites(client, writes));
      if (refusal) setResultAndStopExecution({ errors: [rateLimited(refusal)] });
    },
    onResultProcess({ result, serverContext }) {
      const record = (serverContext as Partial<RecordContext>).record;
      if (!record) return;
      const results = Symbol.asyncIterator in result ? [] : Array.isArray(result) ? result : [result];
      const codes = results.flatMap(({ errors }) => (errors ?? []).map((error) => String((error as GraphQLError).extensions?.code ?? 'UNEXPECTED')));
      record.errors.push(...codes);
      const refused = codes.find((code) => refusalCodes.has(code));
      const who = { user: record.user, client: record.address, operation: record.operation, fields: record.fields };
      if (refused) audit(logger, 'refused', { code: refused, ...who });
      else if (record.operationType === 'mutation') audit(logger, 'write', { outcome: codes[0] ?? 'ok', ...who });
    },
  };
}
