// A small typed emitter for contract events. Transports subscribe with onAny and forward whatever
// the host emits; services emit with the payload type the contract declares.
import type { EventName, EventPayload } from '../../app/contract';

export type AnyEventListener = (event: EventName, payload: unknown) => void;

export interface HostEvents {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  onAny(listener: AnyEventListener): () => void;
}

export function createHostEvents(): HostEvents {
  const listeners = new Set<AnyEventListener>();
  const onAny = (listener: AnyEventListener) => {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  };
  return {
    emit(event, payload) {
      // Copy first: a listener may unsubscribe while we iterate.
      for (const l of [...listeners]) {
        try {
          l(event, payload);
        } catch (err) {
          process.stderr.write(`event listener for ${event} failed: ${err instanceof Error ? err.message : String(err)}\n`);
        }
      }
    },
    on(event, listener) {
      return onAny((name, payload) => {
        if (name === event) listener(payload as EventPayload<typeof event>);
      });
    },
    onAny,
  };
}
