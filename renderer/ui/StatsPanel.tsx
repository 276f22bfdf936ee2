// Dataset statistics of the current scene as small SVG bar charts: questions per type (by review
// status), the answer distribution of the chosen type (or of the first type with answers), and how
// many of the scene's objects and object pairs the questions cover.
import { useEffect, useState } from 'react';
import type { Client, QaStats } from '../../app/contract';

interface Bar {
  label: string;
  /** Stacked segments, drawn left to right. */
  parts: Array<{ value: number; className: string }>;
  /** Shown after the bar; defaults to the sum of the parts. */
  text?: string;
}

const ROW = 16;
const LABEL_W = 120;
const BAR_W = 80;
const TEXT_W = 60;

export function BarChart({ bars, testId, max }: { bars: Bar[]; testId: string; max?: number }) {
  const top = max ?? Math.max(1, ...bars.map((b) => b.parts.reduce((s, p) => s + p.value, 0)));
  return (
    <svg className="bar-chart" data-testid={testId} width="100%" viewBox={`0 0 ${LABEL_W + BAR_W + TEXT_W} ${bars.length * ROW + 2}`} role="img">
      {bars.map((b, i) => {
        let x = LABEL_W;
        const sum = b.parts.reduce((s, p) => s + p.value, 0);
        return (
          <g key={b.label} transform={`translate(0, ${i * ROW})`} data-label={b.label} data-value={sum}>
            <text x={LABEL_W - 4} y={12} textAnchor="end">
              {b.label.length > 22 ? `${b.label.slice(0, 21)}…` : b.label}
            </text>
            {b.parts.map((p, j) => {
              const w = (p.value / top) * BAR_W;
              const rect = <rect key={j} className={p.className} x={x} y={2} width={w} height={ROW - 4} />;
              x += w;
              return rect;
            })}
            <text x={x + 4} y={12}>
              {b.text ?? String(sum)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

const fmt = (v: number) => (Number.isInteger(v) || Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2));

function answerBars(stats: QaStats, type: string): { type: string; bars: Bar[] } | null {
  const chosen = type && stats.answers[type] ? type : Object.keys(stats.answers)[0];
  const dist = chosen ? stats.answers[chosen] : undefined;
  if (!chosen || !dist) return null;
  if (dist.kind === 'choice') return { type: chosen, bars: Object.entries(dist.counts).sort(([a], [b]) => (a < b ? -1 : 1)).map(([label, n]) => ({ label, parts: [{ value: n, className: 'bar' }] })) };
  const { edges, counts } = dist.histogram;
  // Every answer the same: one bar, not ten empty bins of zero width.
  if (dist.min === dist.max) return { type: chosen, bars: [{ label: fmt(dist.min), parts: [{ value: dist.n, className: 'bar' }] }] };
  return { type: chosen, bars: counts.map((n, i) => ({ label: `${fmt(edges[i]!)} – ${fmt(edges[i + 1]!)}`, parts: [{ value: n, className: 'bar' }] })) };
}

export function StatsPanel({ client, sceneId, type, version, onError }: { client: Client; sceneId: string | null; type: string; version: number; onError(err: unknown): void }) {
  const [stats, setStats] = useState<QaStats | null>(null);
  useEffect(() => {
    if (!sceneId) return;
    let live = true;
    client
      .qaStats({ sceneId })
      .then((s) => live && setStats(s))
      .catch(onError);
    return () => {
      live = false;
    };
  }, [client, sceneId, version, onError]);

  if (!stats) return null;
  const perType: Bar[] = Object.entries(stats.perType).map(([t, c]) => ({
    label: t,
    parts: [
      { value: c.verified, className: 'bar verified' },
      { value: c.draft, className: 'bar draft' },
      { value: c.rejected, className: 'bar rejected' },
    ],
    text: `${c.verified}✓ ${c.draft} ${c.rejected}✗`,
  }));
  const answers = answerBars(stats, type);
  const { objectsCovered, objectsPresent, pairsCovered, pairsPresent } = stats.coverage;
  const coverage: Bar[] = [
    { label: 'objects', parts: [{ value: objectsCovered, className: 'bar' }], text: `${objectsCovered} / ${objectsPresent ?? '?'}` },
    { label: 'object pairs', parts: [{ value: pairsCovered, className: 'bar' }], text: `${pairsCovered} / ${pairsPresent ?? '?'}` },
  ];
  return (
    <section className="panel stats-panel" aria-label="Dataset statistics" data-testid="stats-panel" data-total={stats.total}>
      <h2>
        Statistics <span className="count">{stats.total} questions</span>
      </h2>
      {perType.length === 0 ? (
        <p className="hint">Generate questions to see their statistics.</p>
      ) : (
        <>
          <h3>Questions per type (verified, draft, rejected)</h3>
          <BarChart bars={perType} testId="stats-per-type" />
          {answers && (
            <>
              <h3 data-testid="stats-answer-type">Answers: {answers.type}</h3>
              <BarChart bars={answers.bars} testId="stats-answers" />
            </>
          )}
          <h3>Coverage</h3>
          {/* Each bar is scaled to its own denominator: a full bar is every object (or pair) asked about. */}
          <BarChart bars={[coverage[0]!]} testId="stats-coverage-objects" max={Math.max(1, objectsPresent ?? objectsCovered)} />
          <BarChart bars={[coverage[1]!]} testId="stats-coverage-pairs" max={Math.max(1, pairsPresent ?? pairsCovered)} />
        </>
      )}
    </section>
  );
}
