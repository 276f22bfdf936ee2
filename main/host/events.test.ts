import { describe, expect, it } from 'vitest';
import { createHostEvents } from './events';

describe('host events', () => {
  it('delivers typed payloads to on() and onAny() listeners until they unsubscribe', () => {
    const events = createHostEvents();
    const seen: string[] = [];
    const off = events.on('progress', (p) => seen.push(`on:${p.label}:${p.done}`));
    const offAny = events.onAny((e) => seen.push(`any:${e}`));
    const payload = { jobId: 'j', label: 'load', done: 1, total: 2, finished: false };
    events.emit('progress', payload);
    off();
    offAny();
    events.emit('progress', payload);
    expect(seen).toEqual(['on:load:1', 'any:progress']);
  });
});
