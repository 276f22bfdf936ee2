// From askQuestion's answers to what the viewport draws and what a QA item stores; and the words the
// Ask panel uses. Pure functions, so they are tested without a browser.
import { AskEvidence, type AskAnswer, type AskType, type AskViewpoint, type InstanceInfo, type QaItem, type QaItemInput } from '../../app/contract';
import type { EvidenceTone, EvidenceView } from '../viewport/evidence-overlay';
import { instanceName } from './distance-qa';

/** The question types offered for asking by clicks, with what each asks of the selection. */
export const CLICK_TYPES: ReadonlyArray<{ type: AskType; label: string; needs: string }> = [
  { type: 'distance', label: 'Distance (closest points)', needs: 'two objects' },
  { type: 'centre_distance', label: 'Distance (centres)', needs: 'two objects' },
  { type: 'left', label: 'Is A left of B (from this view)', needs: 'one or two objects' },
  { type: 'right', label: 'Is A right of B (from this view)', needs: 'one or two objects' },
  { type: 'front', label: 'Is A in front of B (from this view)', needs: 'one or two objects' },
  { type: 'behind', label: 'Is A behind B (from this view)', needs: 'one or two objects' },
  { type: 'above', label: 'Is A above B', needs: 'two objects' },
  { type: 'below', label: 'Is A below B', needs: 'two objects' },
  { type: 'on', label: 'Is A on B', needs: 'two objects' },
  { type: 'under', label: 'Is A under B', needs: 'two objects' },
  { type: 'next_to', label: 'Is A next to B', needs: 'two objects' },
  { type: 'inside', label: 'Is A inside B', needs: 'two objects' },
  { type: 'between', label: 'Is A between B and C', needs: 'two objects, then a click' },
  { type: 'size', label: 'Size of A', needs: 'one object' },
  { type: 'count', label: 'How many like A', needs: 'one object' },
  { type: 'direction', label: 'Where is A (from this view)', needs: 'one object' },
];

/** Tones by the role an object had in the answer. */
const TONES: Record<string, EvidenceTone> = { a: 'a', target: 'a', b: 'b', reference: 'b', c: 'c', match: 'match', standBy: 'other', facing: 'other' };

export function evidenceView(evidence: AskEvidence, nameOf: (id: number) => string): EvidenceView {
  return {
    segments: evidence.segments.map((s) => ({ ...s })),
    boxes: evidence.boxes.map((b) => ({ center: b.center, axes: b.axes, size: b.size, tone: TONES[b.role] ?? 'other', label: nameOf(b.instanceId) })),
    ...(evidence.fan ? { fan: { ...evidence.fan } } : {}),
  };
}

/** Candidates of an ambiguous reference, as numbered boxes (their axis-aligned bounds). */
export function candidatesView(candidates: readonly number[], instances: readonly InstanceInfo[]): EvidenceView {
  const byId = new Map(instances.map((i) => [i.id, i]));
  const boxes: EvidenceView['boxes'] = [];
  for (const id of candidates) {
    const i = byId.get(id);
    if (!i) continue;
    const { min, max } = i.bbox;
    boxes.push({
      center: [(min[0] + max[0]) / 2, (min[1] + max[1]) / 2, (min[2] + max[2]) / 2],
      axes: [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
      size: [max[0] - min[0], max[1] - min[1], max[2] - min[2]],
      tone: 'candidate',
      label: instanceName(i),
    });
  }
  return { segments: [], boxes };
}

const SELECTION_WORD = /^(?:this|that|it|this one|that one|these|those|them|both|object [a-h]|the selected .*|the selection)$/;

/** "Which chair? Click it in the view." — or, for a selection word, which object it means. */
export function clarifyPrompt(phrase: string): string {
  const p = phrase.trim().toLowerCase();
  if (/^object [a-h]$/.test(p)) return `Which object is ${phrase}? Click it in the view.`;
  if (SELECTION_WORD.test(p)) return `Which object do you mean by “${phrase}”? Click it in the view.`;
  return `Which ${phrase.replace(/^(?:the|a|an|my|our)\s+/i, '')}? Click it in the view.`;
}

/** The QA item kind of an answer's question type. */
export function qaKindOf(type: AskType): QaItemInput['kind'] {
  if (type === 'distance' || type === 'centre_distance') return 'distance';
  if (type === 'size' || type === 'count' || type === 'direction' || type === 'find') return type;
  return 'relation';
}

/** The QA item an answer is saved as: the structured query (and the words typed), its evidence and the viewpoint asked from. */
export function askQaItem(sceneId: string, answer: AskAnswer, asked: { text?: string; viewpoint?: AskViewpoint }): QaItemInput {
  return {
    sceneId,
    kind: qaKindOf(answer.query.type),
    question: answer.question,
    answer: answer.value,
    unit: answer.unit,
    instanceIds: answer.instanceIds,
    status: 'verified',
    evidence: answer.evidence as unknown as Record<string, unknown>,
    query: { ...answer.query, ...(asked.text ? { asked: asked.text } : {}) },
    ...(asked.viewpoint ? { viewpoint: asked.viewpoint } : {}),
  };
}

/** The evidence stored with a saved item, when it is evidence this panel drew (older items hold other shapes). */
export function savedEvidence(item: Pick<QaItem, 'evidence'>): AskEvidence | null {
  const parsed = AskEvidence.safeParse(item.evidence);
  return parsed.success ? parsed.data : null;
}

/** A typed answer in the Saved list's edit field: a number when the item's answer was one, else the text. */
export function parseEditedAnswer(text: string, previous: QaItem['answer']): QaItem['answer'] | null {
  const t = text.trim();
  if (t === '') return null;
  if (typeof previous === 'number') {
    const n = Number(t.replace(/\s*(?:m|mm|cm)$/i, ''));
    return Number.isFinite(n) ? n : null;
  }
  return t.slice(0, 2000);
}
