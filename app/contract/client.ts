// A typed client over any transport that can carry (method, input) → RpcResult.
import { ContractCallError } from './errors';
import { methods, type Input, type Method, type Output } from './contract';
import type { RpcResult } from './dispatch';

export type Invoke = (method: Method, input: unknown) => Promise<RpcResult>;

export type Client = { [M in Method]: (input?: Input<M>) => Promise<Output<M>> };

export function createClient(invoke: Invoke): Client {
  const client = {} as Record<Method, (input?: unknown) => Promise<unknown>>;
  for (const method of methods) {
    client[method] = async (input?: unknown) => {
      const result = await invoke(method, input ?? {});
      if (!result.ok) throw new ContractCallError(method, result.error);
      return result.value;
    };
  }
  return client as unknown as Client;
}
