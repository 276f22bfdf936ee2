// Turns untrusted (method, input) pairs into typed handler calls. Every transport goes through
// here, so a message that fails its schema gets a typed error response and never reaches a handler.
import { AppError } from './errors';
import { contract, isMethod, type Method, type Output, type ParsedInput } from './contract';
import type { ContractErrorBody } from './schemas';

export interface CallContext {
  transport: 'electron' | 'web' | 'in-process';
}

export type Handlers = {
  [M in Method]: (input: ParsedInput<M>, ctx: CallContext) => Promise<Output<M>> | Output<M>;
};

export type RpcResult<T = unknown> = { ok: true; value: T } | { ok: false; error: ContractErrorBody };

export type Dispatch = (method: string, input: unknown, ctx: CallContext) => Promise<RpcResult>;

function issuesOf(error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> }) {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

export function createDispatcher(
  handlers: Handlers,
  options: { checkOutput?: boolean; onInternalError?: (method: string, err: unknown) => void } = {},
): Dispatch {
  const checkOutput = options.checkOutput ?? true;
  return async (method, rawInput, ctx) => {
    if (typeof method !== 'string' || !isMethod(method)) {
      return { ok: false, error: { code: 'unknown_method', message: `no contract entry named ${JSON.stringify(method)}` } };
    }
    const spec = contract[method];
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      return {
        ok: false,
        error: { code: 'invalid_input', message: `${method}: input does not match its schema`, details: issuesOf(parsed.error) },
      };
    }
    try {
      const handler = handlers[method] as (input: unknown, ctx: CallContext) => Promise<unknown> | unknown;
      const value = await handler(parsed.data, ctx);
      if (checkOutput) {
        const out = spec.output.safeParse(value);
        if (!out.success) {
          options.onInternalError?.(method, out.error);
          return {
            ok: false,
            error: { code: 'internal', message: `${method}: host produced output that breaks the contract`, details: issuesOf(out.error) },
          };
        }
        return { ok: true, value: out.data };
      }
      return { ok: true, value };
    } catch (err) {
      if (err instanceof AppError) return { ok: false, error: err.toBody() };
      options.onInternalError?.(method, err);
      return { ok: false, error: { code: 'internal', message: `${method}: ${err instanceof Error ? err.message : String(err)}` } };
    }
  };
}
