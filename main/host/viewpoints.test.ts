// Saved viewpoints through the real dispatcher and SQLite store: save, replace by name, survive a
// restart, delete; bad input and damaged stored data are typed errors.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CameraViewpoint, RpcResult } from '../../app/contract';
import { testHost } from './testing/host-fixture';
import { SAMPLE_SCENE_ID } from './services';
import { viewpointKey } from './viewpoints';

const t = testHost('sw-viewpoints-', { productDefaults: true });
beforeEach(t.setUp);
afterEach(t.tearDown);

const view = (x: number, ortho = false): CameraViewpoint => ({ position: [x, -4, 3], target: [1, 2, 0.5], up: [0, 0, 1], fov: 50, ortho });
const errorOf = (r: RpcResult) => (r.ok ? null : r.error);

describe('saved viewpoints', () => {
  it('saves, replaces by name, lists in order and survives a restart', async () => {
    const c = t.host.client;
    expect((await c.listViewpoints({ sceneId: SAMPLE_SCENE_ID })).viewpoints).toEqual([]);
    await c.saveViewpoint({ sceneId: SAMPLE_SCENE_ID, name: 'door', viewpoint: view(1) });
    await c.saveViewpoint({ sceneId: SAMPLE_SCENE_ID, name: 'top', viewpoint: view(2, true) });
    const replaced = await c.saveViewpoint({ sceneId: SAMPLE_SCENE_ID, name: 'door', viewpoint: view(7) });
    expect(replaced.viewpoints.map((v) => [v.name, v.viewpoint.position[0], v.viewpoint.ortho])).toEqual([
      ['door', 7, false],
      ['top', 2, true],
    ]);

    await t.restart();
    const after = await t.host.client.listViewpoints({ sceneId: SAMPLE_SCENE_ID });
    expect(after.viewpoints.map((v) => v.name)).toEqual(['door', 'top']);
    expect(after.viewpoints[0]!.viewpoint).toEqual(view(7));

    const left = await t.host.client.deleteViewpoint({ sceneId: SAMPLE_SCENE_ID, name: 'door' });
    expect(left.viewpoints.map((v) => v.name)).toEqual(['top']);
    await t.host.client.deleteViewpoint({ sceneId: SAMPLE_SCENE_ID, name: 'top' });
    expect(t.host.services.store.settings.get(viewpointKey(SAMPLE_SCENE_ID))).toBeUndefined();
  });

  it('refuses bad input, unknown scenes and names with typed errors', async () => {
    const nan = { ...view(1), position: [Number.NaN, 0, 0] };
    expect(errorOf(await t.host.dispatch('saveViewpoint', { sceneId: SAMPLE_SCENE_ID, name: 'x', viewpoint: nan }))?.code).toBe('invalid_input');
    expect(errorOf(await t.host.dispatch('saveViewpoint', { sceneId: SAMPLE_SCENE_ID, name: '  ', viewpoint: view(1) }))?.code).toBe('invalid_input');
    expect(errorOf(await t.host.dispatch('saveViewpoint', { sceneId: SAMPLE_SCENE_ID, name: 'x', viewpoint: { ...view(1), fov: 190 } }))?.code).toBe('invalid_input');
    expect(errorOf(await t.host.dispatch('listViewpoints', { sceneId: 'no-such-scene' }))?.code).toBe('not_found');
    expect(errorOf(await t.host.dispatch('deleteViewpoint', { sceneId: SAMPLE_SCENE_ID, name: 'never saved' }))?.message).toMatch(/no saved viewpoint "never saved"/);
  });

  it('reports damaged stored viewpoints instead of returning them', async () => {
    t.host.services.store.settings.set(viewpointKey(SAMPLE_SCENE_ID), [{ name: 'broken', viewpoint: { position: [0, 0] } }]);
    const err = errorOf(await t.host.dispatch('listViewpoints', { sceneId: SAMPLE_SCENE_ID }));
    expect(err?.code).toBe('internal');
    expect(err?.message).toMatch(/viewpoints:sample holds damaged viewpoints/);
  });
});
