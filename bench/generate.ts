import type { Plan } from '../src/index.js';

/** A deterministic pseudo-random generator (mulberry32), so every run sees the same org. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAYS = Array.from({ length: 92 }, (_, i) => new Date(Date.UTC(2026, 6, 1 + i)).toISOString().slice(0, 10));

export interface OrgShape {
  /** Key results in all. */
  readonly keyResults: number;
  /** Key results per objective (the seeds' 2–5): 5 by default. */
  readonly perObjective?: number;
  /** Levels of the cascade: 6 by default (company → division → department → team → squad → person). */
  readonly depth?: number;
  /** Check-ins per key result on average: 5 by default. */
  readonly checkInsPerKeyResult?: number;
}

/**
 * Generates an org's plan: a tree of objectives `depth` levels deep, each with
 * `perObjective` metric key results (increases and decreases, integer and decimal
 * values), and check-ins spread over Q3 2026.
 */
export function generateOrg(shape: OrgShape, seed = 42): Plan {
  const rnd = random(seed);
  const perObjective = shape.perObjective ?? 5;
  const depth = shape.depth ?? 6;
  const perKr = shape.checkInsPerKeyResult ?? 5;
  const objectiveCount = Math.max(1, Math.round(shape.keyResults / perObjective));
  // Fan-out f with 1 + f + … + f^(depth-1) ≈ objectiveCount.
  let fanOut = 1;
  while ((fanOut ** depth - 1) / (fanOut - 1 || 1) < objectiveCount && fanOut < 1000) fanOut++;

  const objectives: Plan['objectives'] = [];
  let level: number[] = [];
  objectives.push({ id: 'o0', title: 'Company objective', cycleId: 'q3', commitment: 'aspirational' });
  level.push(0);
  while (objectives.length < objectiveCount) {
    const next: number[] = [];
    for (const parent of level) {
      for (let c = 0; c < fanOut && objectives.length < objectiveCount; c++) {
        const i = objectives.length;
        objectives.push({ id: `o${i}`, title: `Objective ${i}`, cycleId: 'q3', parentId: `o${parent}` });
        next.push(i);
      }
    }
    level = next;
  }

  const keyResults: Plan['keyResults'] = [];
  const checkIns: Plan['checkIns'] = [];
  for (let i = 0; i < objectives.length && keyResults.length < shape.keyResults; i++) {
    for (let k = 0; k < perObjective && keyResults.length < shape.keyResults; k++) {
      const j = keyResults.length;
      const decrease = rnd() < 0.3;
      const start = decrease ? 100 + Math.floor(rnd() * 100) : Math.floor(rnd() * 50);
      const target = decrease ? start - 10 - Math.floor(rnd() * 50) : start + 10 + Math.floor(rnd() * 200);
      const id = `k${j}`;
      keyResults.push({
        id,
        objectiveId: `o${i}`,
        title: `Key result ${j}`,
        kind: 'metric',
        start,
        target,
        ...(rnd() < 0.2 ? { weight: 1 + Math.floor(rnd() * 3) } : {}),
      });
      const n = Math.max(0, Math.round(perKr + (rnd() - 0.5) * 4));
      for (let c = 0; c < n; c++) {
        const raw = start + (target - start) * rnd() * 1.1;
        const value = rnd() < 0.5 ? Math.round(raw) : Math.round(raw * 10) / 10;
        checkIns.push({ keyResultId: id, at: DAYS[Math.floor(rnd() * DAYS.length)]!, value });
      }
    }
  }

  return {
    cycles: [{ id: 'q3', name: 'Q3 2026', start: '2026-07-01', end: '2026-09-30' }],
    units: [],
    objectives,
    keyResults,
    initiatives: [],
    checkIns,
    kpis: [],
    measurements: [],
  };
}
