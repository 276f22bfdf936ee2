// The Ask panel's conversation with the host: ask (typed or by type over the selection, from the
// current camera), answer a `clarify` with the next click, re-ask, then save or discard the answer.
// The viewport shows the answer's evidence, or the candidates while a click is awaited.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AskAnswer, AskClarify, AskType, AskViewpoint, Client, InstanceInfo, QaItem } from '../../app/contract';
import type { EvidenceView } from '../viewport/evidence-overlay';
import type { Viewport } from '../viewport/viewport';
import { askQaItem, candidatesView, evidenceView, savedEvidence } from './ask-evidence';
import { instanceName } from './distance-qa';

export interface AskRequest {
  text?: string;
  type?: AskType;
  selection: number[];
  viewpoint?: AskViewpoint;
  clarify: Record<string, number>;
}

export type AskPhase =
  | { kind: 'idle' }
  | { kind: 'asking'; request: AskRequest }
  | { kind: 'answer'; request: AskRequest; answer: AskAnswer; saved: boolean }
  | { kind: 'clarify'; request: AskRequest; clarify: AskClarify; note?: string }
  | { kind: 'unsupported'; request: AskRequest; reason: string }
  /** A saved item shown again from its viewpoint, with its evidence. */
  | { kind: 'review'; item: QaItem }
  /** Evidence another panel drew (the Audit tab's disagreement in its room), with its caption. */
  | { kind: 'shown'; key: string; caption: string; view: EvidenceView };

export interface AskOptions {
  client: Client;
  sceneId: string | null;
  selection: readonly number[];
  instances: readonly InstanceInfo[];
  readOnly: boolean;
  engine(): Viewport | null;
  onSaved(): Promise<void>;
  onError(err: unknown): void;
}

export interface AskActions {
  askText(text: string): void;
  askType(type: AskType): void;
  /** A pick in the viewport while a clarification is awaited; false when no clarification is (the pick selects as usual). */
  pick(id: number | null): boolean;
  save(): Promise<void>;
  /** Goes to a saved item's viewpoint and draws its evidence. */
  review(item: QaItem): void;
  /** Forget the answer or the pending clarification and clear the drawing. */
  discard(): void;
  /** Draws another panel's evidence on scene `sceneId`: now, or once that scene is the open one. */
  show(sceneId: string, shown: Extract<AskPhase, { kind: 'shown' }>): void;
}

export function useAsk(o: AskOptions): [AskPhase, AskActions] {
  const [phase, setPhase] = useState<AskPhase>({ kind: 'idle' });
  const live = useRef(o);
  live.current = o;
  const phaseRef = useRef(phase);
  phaseRef.current = phase;
  const token = useRef(0);
  /** The scene the conversation belongs to, and what waits to be shown when a scene opens. */
  const sceneOf = useRef<string | null>(null);
  const pending = useRef<{ sceneId: string; phase: AskPhase } | null>(null);

  const nameOf = useCallback((id: number) => {
    const i = live.current.instances.find((x) => x.id === id);
    return i ? instanceName(i) : `#${id}`;
  }, []);

  // What the viewport draws follows the phase.
  useEffect(() => {
    const engine = o.engine();
    if (!engine) return;
    if (phase.kind === 'answer') engine.showEvidence(evidenceView(phase.answer.evidence, nameOf));
    else if (phase.kind === 'clarify') engine.showEvidence(candidatesView(phase.clarify.candidates, live.current.instances));
    else if (phase.kind === 'review') {
      const evidence = savedEvidence(phase.item);
      engine.showEvidence(evidence ? evidenceView(evidence, nameOf) : null);
    }
    else if (phase.kind === 'shown') engine.showEvidence(phase.view);
    else if (phase.kind !== 'asking') engine.showEvidence(null);
  }, [phase, o.engine, nameOf]);

  // Another scene: the conversation is over, unless evidence was waiting for this scene to open.
  useEffect(() => {
    token.current++;
    sceneOf.current = o.sceneId;
    const waiting = pending.current;
    pending.current = null;
    setPhase(waiting && waiting.sceneId === o.sceneId ? waiting.phase : { kind: 'idle' });
  }, [o.sceneId]);

  const send = useCallback(async (request: AskRequest) => {
    const { client, sceneId } = live.current;
    if (!sceneId) return;
    const mine = ++token.current;
    setPhase({ kind: 'asking', request });
    try {
      const r = await client.askQuestion({
        sceneId,
        ...(request.text !== undefined ? { text: request.text } : {}),
        ...(request.type !== undefined ? { type: request.type } : {}),
        selection: request.selection,
        ...(request.viewpoint ? { viewpoint: request.viewpoint } : {}),
        ...(Object.keys(request.clarify).length > 0 ? { clarify: request.clarify } : {}),
      });
      if (mine !== token.current) return;
      if (r.kind === 'answer') setPhase({ kind: 'answer', request, answer: r, saved: false });
      else if (r.kind === 'clarify') setPhase({ kind: 'clarify', request, clarify: r });
      else setPhase({ kind: 'unsupported', request, reason: r.reason });
    } catch (err) {
      if (mine !== token.current) return;
      setPhase({ kind: 'idle' });
      live.current.onError(err);
    }
  }, []);

  const fresh = useCallback((): Omit<AskRequest, 'text' | 'type'> => {
    const v = live.current.engine()?.getViewpoint();
    return { selection: [...live.current.selection], clarify: {}, ...(v ? { viewpoint: { position: v.position, target: v.target, up: v.up } } : {}) };
  }, []);

  const actions: AskActions = {
    askText: useCallback((text: string) => void send({ ...fresh(), text }), [send, fresh]),
    askType: useCallback((type: AskType) => void send({ ...fresh(), type }), [send, fresh]),
    pick: useCallback(
      (id: number | null) => {
        const p = phaseRef.current;
        if (p.kind !== 'clarify') return false;
        if (id === null || id < 0) {
          setPhase({ ...p, note: 'Nothing there: click one of the highlighted objects.' });
          return true;
        }
        if (!p.clarify.candidates.includes(id)) {
          setPhase({ ...p, note: `That is ${nameOf(id)}, not one of the highlighted objects.` });
          return true;
        }
        void send({ ...p.request, clarify: { ...p.request.clarify, [p.clarify.role]: id } });
        return true;
      },
      [send, nameOf],
    ),
    save: useCallback(async () => {
      const p = phaseRef.current;
      const { client, sceneId, readOnly } = live.current;
      if (p.kind !== 'answer' || p.saved || !sceneId || readOnly) return;
      try {
        await client.saveQaItem(askQaItem(sceneId, p.answer, { ...(p.request.text ? { text: p.request.text } : {}), ...(p.request.viewpoint ? { viewpoint: p.request.viewpoint } : {}) }));
        setPhase((cur) => (cur === p ? { ...p, saved: true } : cur));
        await live.current.onSaved();
      } catch (err) {
        live.current.onError(err);
      }
    }, []),
    review: useCallback((item: QaItem) => {
      const engine = live.current.engine();
      const v = item.viewpoint;
      if (!engine || !v) return;
      token.current++;
      // Stored viewpoints keep position, target and up; a top-down view is the one whose up is level.
      engine.setViewpoint({ position: v.position, target: v.target, up: v.up, fov: engine.getViewpoint().fov, ortho: Math.abs(v.up[2]) < 0.5 });
      setPhase({ kind: 'review', item });
    }, []),
    discard: useCallback(() => {
      token.current++;
      pending.current = null;
      setPhase({ kind: 'idle' });
    }, []),
    show: useCallback((sceneId: string, shown: Extract<AskPhase, { kind: 'shown' }>) => {
      token.current++;
      if (sceneOf.current === sceneId) setPhase(shown);
      else pending.current = { sceneId, phase: shown };
    }, []),
  };
  return [phase, actions];
}
