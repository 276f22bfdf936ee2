// Segmentation editing in the page: runs "Segment scene" as a job (progress, cancel), keeps the
// host's draft (segment-schemas.ts) and the editing selection, and turns viewport clicks into prompts:
// a click makes the object under it a new instance, a shift-click adds the clicked superpoint to the
// selected instance or takes it out. Accept stores the draft (one undo step); Discard drops it.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ContractCallError, events, type Client, type DraftInstanceInfo, type InstanceInfo, type ProgressEvent, type SegmentationDraftView, type StoredInstanceInfo } from '../../app/contract';
import type { Transport } from '../bridge/transport';
import type { Viewport } from '../viewport/viewport';
import { useShortcuts } from './use-shortcuts';

/** The keys of segmentation editing; they act only while a draft is open (README, shortcut-list.ts). */
export const SEGMENT_KEYS = { merge: 'shift+m', split: 'shift+k', relabel: 'l', accept: 'shift+c', discard: 'shift+x' } as const;

export interface SegmentationState {
  draft: SegmentationDraftView | null;
  /** Click-to-object mode: clicks prompt objects (a draft is open, or the user asked to click objects). */
  editing: boolean;
  /** Selected draft instances; the first is what a shift-click edits. */
  selected: number[];
  /** The running "Segment scene" job. */
  job: string | null;
  progress: ProgressEvent | null;
  /** A request to the host is under way (edits are refused meanwhile). */
  busy: boolean;
  /** Provenance of the scene's stored instances (confidence in the instance list). */
  stored: ReadonlyMap<number, StoredInstanceInfo>;
}

export interface SegmentationActions {
  segment(): Promise<void>;
  cancel(): Promise<void>;
  /** Starts click-to-object without running the segmentation (the host starts an empty draft on the first click). */
  startClicking(): void;
  /** A viewport click while editing; false when not editing (the click selects as usual). */
  pick(at: { clientX: number; clientY: number; shift: boolean }): boolean;
  /** Toggles an instance in the editing selection (the instance list). */
  toggle(id: number): void;
  clearSelection(): void;
  merge(): Promise<void>;
  split(): Promise<void>;
  relabel(label: string): Promise<void>;
  accept(): Promise<void>;
  discard(): Promise<void>;
}

export interface UseSegmentationOptions {
  client: Client;
  transport: Transport;
  sceneId: string | null;
  readOnly: boolean;
  /** The scene's instances: a new list (scene opened, undo) reloads the stored provenance. */
  instances: InstanceInfo[];
  engine(): Viewport | null;
  onStatus(status: string): void;
  onError(err: unknown): void;
  /** After an acceptance: the host's scene changed, reopen it. */
  onAccepted(sceneId: string): Promise<void>;
}

const newJobId = () => (typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `seg-${Date.now()}-${Math.random().toString(16).slice(2)}`);

/** A draft instance as the panels show instances. */
export const draftAsInstance = (i: DraftInstanceInfo): InstanceInfo => ({ id: i.id, label: i.label, pointCount: i.pointCount, bbox: i.bbox, centroid: i.centroid });

export function useSegmentation(o: UseSegmentationOptions): [SegmentationState, SegmentationActions] {
  const [draft, setDraft] = useState<SegmentationDraftView | null>(null);
  const [clicking, setClicking] = useState(false);
  const [selected, setSelected] = useState<number[]>([]);
  const [job, setJob] = useState<string | null>(null);
  const [progress, setProgress] = useState<ProgressEvent | null>(null);
  const [busy, setBusy] = useState(false);
  const [stored, setStored] = useState<ReadonlyMap<number, StoredInstanceInfo>>(new Map());
  const live = useRef({ o, draft, selected, busy, job });
  live.current = { o, draft, selected, busy, job };

  const { client, sceneId } = o;
  // A scene (re)opened: resume its draft if the host holds one, and read the stored provenance.
  useEffect(() => {
    if (!sceneId) return;
    let cancelled = false;
    client
      .segmentationState({ sceneId })
      .then((s) => {
        if (cancelled) return;
        setDraft(s.draft);
        setStored(new Map(s.stored.map((r) => [r.id, r])));
        // A draft saved before the host restarted: say that it came back, or why it could not.
        if (s.restore) live.current.o.onStatus(s.restore.outcome === 'restored' ? `Restored the unaccepted segmentation (${s.draft?.instances.length ?? 0} objects)` : `Unaccepted segmentation discarded: ${s.restore.reason}`);
      })
      .catch((err) => !cancelled && live.current.o.onError(err));
    return () => {
      cancelled = true;
    };
  }, [client, sceneId, o.instances]);

  useEffect(() => {
    setSelected([]);
    setClicking(false);
  }, [sceneId]);

  useEffect(
    () =>
      o.transport.onEvent((message) => {
        if (message.event !== 'progress') return;
        const parsed = events.progress.safeParse(message.payload);
        if (parsed.success && parsed.data.jobId === live.current.job) setProgress(parsed.data.finished ? null : parsed.data);
      }),
    [o.transport],
  );

  /** Runs one host call that answers a draft; the draft's focus becomes the selection. */
  const run = useCallback(async (what: string, call: () => Promise<SegmentationDraftView>, select?: (d: SegmentationDraftView) => number[]) => {
    if (live.current.busy) return;
    setBusy(true);
    try {
      const d = await call();
      setDraft(d);
      setSelected(select ? select(d) : d.focus === null ? [] : [d.focus]);
      live.current.o.onStatus(what);
    } catch (err) {
      live.current.o.onError(err);
    } finally {
      setBusy(false);
    }
  }, []);

  const segment = useCallback(async () => {
    const { o: opts, job: running } = live.current;
    if (!opts.sceneId || running) return;
    const id = newJobId();
    setJob(id);
    live.current.job = id;
    opts.onStatus('Segmenting…');
    try {
      const r = await opts.client.segmentScene({ sceneId: opts.sceneId, jobId: id });
      const s = await opts.client.segmentationState({ sceneId: opts.sceneId });
      setDraft(s.draft);
      setSelected([]);
      opts.onStatus(`Segmented: ${r.instances.length} objects (${r.source === 'model' ? 'model' : 'geometric fallback'})`);
    } catch (err) {
      if (err instanceof ContractCallError && err.body.code === 'cancelled') opts.onStatus('Segmentation cancelled');
      else opts.onError(err);
    } finally {
      setJob(null);
      setProgress(null);
    }
  }, []);

  const cancel = useCallback(async () => {
    const id = live.current.job;
    if (id) await live.current.o.client.cancelJob({ jobId: id }).catch(live.current.o.onError);
  }, []);

  const editing = !!draft || clicking;

  const pick = useCallback(
    (at: { clientX: number; clientY: number; shift: boolean }) => {
      const { o: opts, draft: d, selected: sel } = live.current;
      if (!(d || clicking) || !opts.sceneId) return false;
      const hit = opts.engine()?.pickPointIndex(at.clientX, at.clientY);
      if (!hit) {
        opts.onStatus('No point under the cursor');
        return true;
      }
      const sceneId = opts.sceneId;
      const target = sel[0];
      if (at.shift) {
        if (target === undefined || !d) {
          opts.onStatus('Select an object first: shift-click adds or removes superpoints of the selected object');
          return true;
        }
        const mode = d.instanceIds[hit.pointIndex] === target ? 'remove' : 'add';
        void run(mode === 'add' ? 'Added a superpoint to the selected object' : 'Took a superpoint out of the selected object', () =>
          opts.client.promptObject({ sceneId, pointIndex: hit.pointIndex, mode, targetInstance: target }),
        );
        return true;
      }
      void run('New object from the click (shift-click adds or removes superpoints)', () => opts.client.promptObject({ sceneId, pointIndex: hit.pointIndex, mode: 'new' }));
      return true;
    },
    [clicking, run],
  );

  const merge = useCallback(async () => {
    const { o: opts, selected: sel } = live.current;
    if (!opts.sceneId || sel.length < 2) return opts.onStatus('Select two or more objects in the list to merge them');
    const sceneId = opts.sceneId;
    await run(`Merged ${sel.length} objects`, () => opts.client.mergeInstances({ sceneId, ids: sel }));
  }, [run]);

  const split = useCallback(async () => {
    const { o: opts, selected: sel } = live.current;
    if (!opts.sceneId || sel.length !== 1) return opts.onStatus('Select one object to split');
    const sceneId = opts.sceneId;
    const before = new Set(live.current.draft?.instances.map((i) => i.id));
    // The parts are selected: the kept one and the new ones.
    await run('Split the object', () => opts.client.splitInstance({ sceneId, id: sel[0]! }), (d) => d.instances.filter((i) => i.id === sel[0] || !before.has(i.id)).map((i) => i.id));
  }, [run]);

  const relabel = useCallback(
    async (label: string) => {
      const { o: opts, selected: sel } = live.current;
      if (!opts.sceneId || sel.length === 0) return opts.onStatus('Select an object to relabel');
      const sceneId = opts.sceneId;
      const ids = [...sel];
      await run(`Relabelled as ${label}`, async () => {
        let d: SegmentationDraftView | null = null;
        for (const id of ids) d = await opts.client.relabelInstance({ sceneId, id, label });
        return d!;
      }, () => ids);
    },
    [run],
  );

  const accept = useCallback(async () => {
    const { o: opts, draft: d } = live.current;
    if (!opts.sceneId || !d || opts.readOnly || live.current.busy) return;
    setBusy(true);
    try {
      const r = await opts.client.acceptSegmentation({ sceneId: opts.sceneId });
      setDraft(null);
      setClicking(false);
      setSelected([]);
      await opts.onAccepted(opts.sceneId);
      opts.onStatus(`Accepted ${r.instances.length} objects (Ctrl+Z undoes)`);
    } catch (err) {
      opts.onError(err);
    } finally {
      setBusy(false);
    }
  }, []);

  const discard = useCallback(async () => {
    const { o: opts } = live.current;
    setClicking(false);
    setSelected([]);
    if (!opts.sceneId) return;
    try {
      await opts.client.discardSegmentation({ sceneId: opts.sceneId });
      setDraft(null);
      opts.onStatus('Segmentation discarded');
    } catch (err) {
      opts.onError(err);
    }
  }, []);

  const toggle = useCallback((id: number) => setSelected((sel) => (sel.includes(id) ? sel.filter((x) => x !== id) : [...sel, id])), []);
  const clearSelection = useCallback(() => setSelected([]), []);
  const startClicking = useCallback(() => {
    setClicking(true);
    live.current.o.onStatus('Click an object to make it an instance');
  }, []);

  useShortcuts(
    draft
      ? {
          [SEGMENT_KEYS.merge]: () => void merge(),
          [SEGMENT_KEYS.split]: () => void split(),
          [SEGMENT_KEYS.relabel]: () => document.querySelector<HTMLSelectElement>('[data-testid="segment-label"]')?.focus(),
          [SEGMENT_KEYS.accept]: () => void accept(),
          [SEGMENT_KEYS.discard]: () => void discard(),
        }
      : {},
  );

  const state = useMemo<SegmentationState>(() => ({ draft, editing, selected, job, progress, busy, stored }), [draft, editing, selected, job, progress, busy, stored]);
  const actions: SegmentationActions = { segment, cancel, startClicking, pick, toggle, clearSelection, merge, split, relabel, accept, discard };
  return [state, actions];
}
