'use client';
import { memo } from 'react';
import { BaseEdge, getSmoothStepPath, type EdgeProps } from '@xyflow/react';
import type { End } from '@/lib/schema/graph';

/** Crow's-foot end glyph drawn at (x, y), pointing away from the node on `side`. */
function CrowsFoot({ x, y, end, side }: { x: number; y: number; end: End; side: 'left' | 'right' }) {
  const d = side === 'left' ? -1 : 1; // direction from the node into the edge
  const many = end === 'many' || end === 'zero-or-many';
  const optional = end === 'zero-or-one' || end === 'zero-or-many';
  const stroke = 'currentColor';
  return (
    <g className="text-slate-500" fill="none" stroke={stroke} strokeWidth={1.25}>
      {many ? (
        <path d={`M ${x} ${y - 6} L ${x + d * 10} ${y} L ${x} ${y + 6}`} />
      ) : (
        <path d={`M ${x + d * 6} ${y - 6} L ${x + d * 6} ${y + 6}`} />
      )}
      {optional ? (
        <circle cx={x + d * 16} cy={y} r={3.5} className="fill-white dark:fill-slate-900" />
      ) : (
        <path d={`M ${x + d * 12} ${y - 6} L ${x + d * 12} ${y + 6}`} />
      )}
    </g>
  );
}

function RelationEdgeImpl(props: EdgeProps) {
  const { sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected } = props;
  const [path] = getSmoothStepPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, borderRadius: 8 });
  const ends = (data ?? {}) as { sourceEnd?: End; targetEnd?: End; lowDetail?: boolean };
  if (ends.lowDetail) {
    // Zoomed out: one straight path, no glyphs, nothing to hit-test.
    return <path d={`M ${sourceX} ${sourceY} L ${targetX} ${targetY}`} fill="none" stroke={selected ? '#0284c7' : '#94a3b8'} strokeWidth={selected ? 4 : 2} />;
  }
  return (
    <>
      <BaseEdge
        path={path}
        style={{ stroke: selected ? '#0284c7' : '#94a3b8', strokeWidth: selected ? 2 : 1.25 }}
      />
      <CrowsFoot x={sourceX} y={sourceY} end={ends.sourceEnd ?? 'many'} side={sourcePosition === 'left' ? 'left' : 'right'} />
      <CrowsFoot x={targetX} y={targetY} end={ends.targetEnd ?? 'one'} side={targetPosition === 'left' ? 'left' : 'right'} />
    </>
  );
}

export const RelationEdge = memo(RelationEdgeImpl);
