// The Audit tab: check a benchmark's released answers against its box meta data, as
// `scenewright qa audit --format vsibench` does. Pick the questions (.json/.jsonl) and the meta
// (.json) with the host's dialog (Electron), the page's file picker (uploaded to the host) or a typed
// host path; the host runs the audit (auditDataset) and the tab shows the agreement per type, the
// rows it could not check, and every disagreement with the numbers that decided our answer.
import { useMemo, useRef, useState } from 'react';
import { AUDIT_SOURCE_LIMIT, ContractCallError, type AuditDatasetResult, type AuditDisagreement, type AuditSource, type Client } from '../../app/contract';
import type { Transport } from '../bridge/transport';
import { auditCaption, disagreementKey, evidenceSummary, plural, reportFileName, reportFileText, shownDisagreements, typeRows, uncheckedGroups, type ScoreOrder } from './audit-view';

type Role = 'questions' | 'meta';

/** One source as picked: a browser File (uploaded or read at Run), or a host path (dialog or typed). */
interface Picked {
  file: File | null;
  path: string;
}

const EMPTY: Picked = { file: null, path: '' };
const ACCEPT: Record<Role, string> = { questions: '.json,.jsonl,application/json', meta: '.json,application/json' };
const LABEL: Record<Role, string> = { questions: 'Questions', meta: 'Meta' };
/** Rendering thousands of rows would stall the page; the downloaded report has them all. */
const SHOWN_LIMIT = 500;

/** The host's own message, and for a schema refusal the issues it names (file, field). */
function describe(err: unknown): string {
  if (err instanceof ContractCallError) {
    const issues = Array.isArray(err.body.details) ? (err.body.details as Array<{ message?: string }>).map((i) => i.message).filter(Boolean) : [];
    return issues.length > 0 ? `${err.body.message}: ${issues.join('; ')}` : err.body.message;
  }
  return err instanceof Error ? err.message : String(err);
}

/**
 * What auditDataset gets for a picked source: the web bridge stores a file first (the RPC body is
 * capped at 1 MiB), once per picked file. The host removes an uploaded questions file once read, and
 * an uploaded meta when the audit fails (run() forgets those); an audited meta is kept for its rooms.
 */
async function sourceOf(picked: Picked, transport: Transport, uploaded: WeakMap<File, string>): Promise<AuditSource | null> {
  const { file } = picked;
  if (file) {
    if (file.size > AUDIT_SOURCE_LIMIT) throw new Error(`${file.name}: ${file.size} bytes, more than the ${AUDIT_SOURCE_LIMIT} an audit reads`);
    if (transport.upload) {
      const path = uploaded.get(file) ?? (await transport.upload(file, file.name));
      uploaded.set(file, path);
      return { path, name: file.name };
    }
    return { name: file.name, text: await file.text() };
  }
  const path = picked.path.trim();
  return path ? { path } : null;
}

function SourcePicker(props: { role: Role; picked: Picked; client: Client; transport: Transport; disabled: boolean; onPick(p: Picked): void; onError(err: unknown): void }) {
  const { role, picked, onPick } = props;
  const input = useRef<HTMLInputElement>(null);
  const choose = () => {
    // A browser picker must open within the click's user activation: the web UI does not ask the host.
    if (props.transport.kind === 'web') return input.current?.click();
    props.client
      .chooseImportPath({ kind: 'file' })
      .then((r) => {
        if (!r.supported) input.current?.click();
        else if (r.path) onPick({ file: null, path: r.path });
      })
      .catch(props.onError);
  };
  return (
    <div className="audit-source" data-testid={`audit-${role}`}>
      <button type="button" disabled={props.disabled} onClick={choose} data-testid={`audit-${role}-button`} title={`Choose the ${role} file`}>
        {LABEL[role]}…
      </button>
      <input
        type="text"
        disabled={props.disabled}
        data-testid={`audit-${role}-path`}
        aria-label={`${LABEL[role]} file path on the host`}
        placeholder={role === 'questions' ? 'questions .json / .jsonl, or a host path' : 'meta_info .json, or a host path'}
        value={picked.file ? picked.file.name : picked.path}
        onChange={(e) => onPick({ file: null, path: e.target.value })}
      />
      <input
        ref={input}
        type="file"
        hidden
        accept={ACCEPT[role]}
        data-testid={`audit-${role}-input`}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onPick({ file, path: '' });
        }}
      />
    </div>
  );
}

/** Opening a disagreement's room: what the workbench does with it, and which one is drawn now. */
export interface AuditRoomProps {
  open(d: AuditDisagreement, metaPath: string): void;
  /** disagreementKey of the disagreement whose evidence the viewport shows, or null. */
  shownKey: string | null;
  clear(): void;
}

export function AuditSide(props: { client: Client; transport: Transport; onError(err: unknown): void; room?: AuditRoomProps }) {
  const { client, transport, onError, room } = props;
  const [questions, setQuestions] = useState<Picked>(EMPTY);
  const [meta, setMeta] = useState<Picked>(EMPTY);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [result, setResult] = useState<AuditDatasetResult | null>(null);
  const [type, setType] = useState('');
  const [order, setOrder] = useState<ScoreOrder>('asc');
  const uploaded = useRef(new WeakMap<File, string>());

  const ready = (questions.file !== null || questions.path.trim() !== '') && (meta.file !== null || meta.path.trim() !== '');

  const run = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const [q, m] = await Promise.all([sourceOf(questions, transport, uploaded.current), sourceOf(meta, transport, uploaded.current)]);
      if (!q || !m) return;
      const r = await client.auditDataset({ format: 'vsibench', questions: q, meta: m }).finally(() => {
        if (questions.file) uploaded.current.delete(questions.file);
      });
      setResult(r);
      setType('');
    } catch (err) {
      if (meta.file) uploaded.current.delete(meta.file);
      // Bad input is the user's file, not an application fault: shown here, where the files were picked.
      setFailure(describe(err));
    } finally {
      setBusy(false);
    }
  };

  const download = () => {
    if (!result) return;
    const url = URL.createObjectURL(new Blob([reportFileText(result.report)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = reportFileName(result.questions.name);
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };

  const rows = useMemo(() => (result ? typeRows(result.report) : []), [result]);
  // Rooms open as `<meta path>#<scene_name>`: only a meta read from the host's disk has a path.
  const metaPath = result?.meta.path ?? null;
  const openRoom = (d: AuditDisagreement) => room && metaPath && room.open(d, metaPath);
  const shownRoom = room?.shownKey ? result?.report.disagreements.find((d) => disagreementKey(d) === room.shownKey) ?? null : null;
  const groups = useMemo(() => (result ? uncheckedGroups(result.report.unchecked) : []), [result]);
  const list = useMemo(() => (result ? shownDisagreements(result.report.disagreements, type, order) : []), [result, type, order]);
  const disagreeingTypes = useMemo(() => {
    const counts = new Map<string, number>();
    for (const d of result?.report.disagreements ?? []) counts.set(d.question_type, (counts.get(d.question_type) ?? 0) + 1);
    return [...counts];
  }, [result]);

  return (
    <section className="panel audit-panel" aria-label="Benchmark audit" data-testid="audit-panel">
      <h2>Audit a benchmark</h2>
      <p className="audit-hint">VSI-Bench rows and their meta_info: each answer recomputed from the boxes.</p>
      <SourcePicker role="questions" picked={questions} client={client} transport={transport} disabled={busy} onPick={setQuestions} onError={onError} />
      <SourcePicker role="meta" picked={meta} client={client} transport={transport} disabled={busy} onPick={setMeta} onError={onError} />
      <div className="actions">
        <button type="button" className="primary" disabled={!ready || busy} onClick={() => void run()} data-testid="audit-run">
          {busy ? 'Auditing…' : 'Run audit'}
        </button>
        <button type="button" disabled={!result || busy} onClick={download} data-testid="audit-download" title="The same JSON as `scenewright qa audit --json`">
          Download report JSON
        </button>
      </div>
      {failure && (
        <p className="audit-error" role="alert" data-testid="audit-error">
          {failure}
        </p>
      )}
      {result && (
        <div className="audit-result" data-testid="audit-result">
          <p className="audit-files" data-testid="audit-files">
            {result.questions.name}: {result.questions.rows} rows · {result.meta.name}: {result.meta.scenes} rooms
          </p>
          <table className="audit-types" data-testid="audit-types">
            <thead>
              <tr>
                <th>question type</th>
                <th>rows</th>
                <th>metric</th>
                <th>score</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.type} data-type={r.type} data-n={r.n} data-score={r.score}>
                  <td>{r.type}</td>
                  <td>{r.n}</td>
                  <td>{r.metric}</td>
                  <td>{r.score.toFixed(3)}</td>
                </tr>
              ))}
              <tr className="overall" data-type="overall" data-n={result.report.overall.n} data-score={result.report.overall.score}>
                <td>overall (mean of types)</td>
                <td>{result.report.overall.n}</td>
                <td />
                <td>{result.report.overall.score.toFixed(3)}</td>
              </tr>
            </tbody>
          </table>

          <details className="audit-unchecked" data-testid="audit-unchecked" data-count={result.report.unchecked.length}>
            <summary>{plural(result.report.unchecked.length, 'row')} not checked</summary>
            <ul>
              {groups.map((g) => (
                <li key={g.reason} title={`e.g. row ${String(g.ids[0])}: ${g.example}\nrows ${g.ids.join(', ')}`}>
                  <span className="count">{g.ids.length}</span> {g.reason}
                </li>
              ))}
            </ul>
          </details>

          <h3 data-testid="audit-disagreement-count" data-count={result.report.disagreements.length}>
            {plural(result.report.disagreements.length, 'disagreement')}
          </h3>
          <div className="audit-tools">
            <select value={type} onChange={(e) => setType(e.target.value)} data-testid="audit-type-filter" aria-label="Question type">
              <option value="">all types</option>
              {disagreeingTypes.map(([t, n]) => (
                <option key={t} value={t}>
                  {t} ({n})
                </option>
              ))}
            </select>
            <button type="button" onClick={() => setOrder(order === 'asc' ? 'desc' : 'asc')} data-testid="audit-sort" data-order={order} title="Sort by score">
              score {order === 'asc' ? '↑' : '↓'}
            </button>
          </div>
          {shownRoom && (
            <p className="audit-shown" data-testid="audit-shown" data-key={room!.shownKey!}>
              <span>{auditCaption(shownRoom)}</span>
              <button type="button" className="small" onClick={room!.clear} data-testid="audit-shown-clear" title="Clear the drawing (Esc)">
                Clear
              </button>
            </p>
          )}
          <ol className="audit-disagreements">
            {list.slice(0, SHOWN_LIMIT).map((d) => (
              <li
                key={disagreementKey(d)}
                className={`audit-disagreement${room?.shownKey === disagreementKey(d) ? ' shown' : ''}`}
                data-testid="audit-disagreement"
                data-id={String(d.id)}
                data-type={d.question_type}
                data-score={d.score}
                data-scene={d.scene_name}
                tabIndex={0}
                onKeyDown={(e) => {
                  if (e.key !== 'Enter' || e.target !== e.currentTarget) return;
                  // The row's own Enter: not the global one that puts the cursor in the Ask box.
                  e.preventDefault();
                  e.stopPropagation();
                  openRoom(d);
                }}
              >
                <div className="question">{d.question}</div>
                <div className="answers">
                  <span data-testid="audit-released">released {d.ground_truth}</span>
                  <span data-testid="audit-ours">
                    ours {d.ours}
                    {typeof d.ours_answer === 'string' ? ` (${d.ours_answer})` : ''}
                  </span>
                  <span className="score">score {d.score.toFixed(2)}</span>
                </div>
                <div className="evidence" data-testid="audit-evidence" data-kind={d.evidence.kind}>
                  {evidenceSummary(d.evidence)}
                </div>
                <div className="row-id">
                  #{String(d.id)} · {d.question_type} · {d.scene_name}
                  <button
                    type="button"
                    className="small"
                    disabled={!room || !metaPath}
                    onClick={() => openRoom(d)}
                    data-testid="audit-open-room"
                    title={metaPath ? `Open ${d.scene_name} as a box-only scene and draw this evidence (Enter on the row)` : 'The meta was read as text: give it as a file on the host to open its rooms'}
                  >
                    Open room
                  </button>
                </div>
              </li>
            ))}
          </ol>
          {list.length > SHOWN_LIMIT && <p className="audit-hint">{list.length - SHOWN_LIMIT} more in the downloaded report.</p>}
        </div>
      )}
    </section>
  );
}
