// The contribution graph of a plan: which node feeds which, with what weight, in
// compressed form (edges by parent to compute a node, by child to propagate a change),
// and the order that scores every node after its contributors.
import { at, i32, u8 } from '../_lib/at.js';
import { bucket } from '../_lib/buckets.js';
import { findLoop } from '../_lib/graph.js';
import type { IdIndex } from '../_lib/id-index.js';
import { toNumber, type Value } from '../_lib/numeric.js';
import { messages, nouns, where } from '../messages/where.js';
import { OkrkitError, unknownReference } from '../messages/okrkit-error.js';
import type { Initiative } from '../model/initiative.js';
import type { KeyResult } from '../model/key-result.js';
import type { Objective } from '../model/objective.js';
import { msg } from '../messages/message.js';
import { targetSizeOf } from '../model/target-weight.js';
import { isAggregated } from '../model/value-links.js';
import { planProblem } from './plan-problem.js';
import { positive, weightOf, wholeWeights, wholeWeightsByNode } from './weights.js';

const NONE: readonly never[] = /*@__PURE__*/ Object.freeze([]);

/** The graph, with nodes numbered objectives 0..O-1, then key results O..O+K-1. */
export interface ContributionGraph {
  /** Each key result's objective. */
  readonly krObjective: Int32Array;
  /** Each objective's parent objective (by `parentId`), or -1. */
  readonly parentOf: Int32Array;
  /** 1 for key results that objectives drive (by links). */
  readonly driven: Uint8Array;
  readonly edgeChild: Int32Array;
  readonly edgeParent: Int32Array;
  /** The weights as doubles: edges', then objectives' initiative weights. */
  readonly edgeWeight: Float64Array;
  /** Weights that are decimal.js values, by position in `edgeWeight` (others are their doubles exactly). */
  readonly bigWeights: ReadonlyMap<number, Value>;
  readonly byParentStart: Int32Array;
  readonly byParent: Int32Array;
  readonly byChildStart: Int32Array;
  readonly byChild: Int32Array;
  /** Objective → the position of its initiative weight in `edgeWeight` and `edgeUnits`. */
  readonly initiativeEdges: ReadonlyMap<number, number>;
  /** Objective → the progress of the initiatives it counts. */
  readonly initiativeGroups: ReadonlyMap<number, number[]>;
  /** The weights as whole numbers, at one scale per node (every node's weights times the same power of ten). */
  readonly edgeUnits: Float64Array;
  /** Nodes whose weights have no whole form below 2^53 (their means are computed in fractions); null when there are none. */
  readonly fractional: Uint8Array | null;
}

/** The records the graph is built from, and their indexes. */
export interface GraphInput {
  readonly objectives: readonly Objective[];
  readonly keyResults: readonly KeyResult[];
  readonly initiatives: readonly Initiative[];
  readonly objectiveIndex: IdIndex;
  readonly krIndex: IdIndex;
  /** Whether draft and proposed records feed rollups. */
  readonly includeDrafts: boolean;
  /** The weights of objectives weighed by their target (weight 'target'), by position. */
  readonly targetWeights: ReadonlyMap<number, Value>;
}

/** Whether a record's process state keeps it out of rollups (unless drafts are included). */
export function isUnapproved(record: { readonly state?: string | undefined }): boolean {
  return record.state === 'draft' || record.state === 'proposed';
}

/** Whether a key result is left out of rollups as a draft: its own state, or its objective's (when it has one). */
export function inDraft(kr: { readonly state?: string | undefined }, objective: { readonly state?: string | undefined } | undefined): boolean {
  return isUnapproved(kr) || (objective !== undefined && isUnapproved(objective));
}

/** Edges child → parent as they are found, with their weights. */
class EdgeList {
  readonly child: Int32Array;
  readonly parent: Int32Array;
  readonly weight: Float64Array;
  readonly big = new Map<number, Value>();
  count = 0;
  /** Edges and weights written; initiative weights follow the edges. */
  weights = 0;

  constructor(capacity: number, extraWeights: number) {
    this.child = new Int32Array(capacity);
    this.parent = new Int32Array(capacity);
    this.weight = new Float64Array(capacity + extraWeights);
  }

  add(child: number, parent: number, w: Value): void {
    this.child[this.count] = child;
    this.parent[this.count] = parent;
    this.addWeight(w);
    this.count++;
  }

  addWeight(w: Value): number {
    if (typeof w !== 'number') this.big.set(this.weights, w);
    this.weight[this.weights] = toNumber(w);
    return this.weights++;
  }
}

const rollupOf = (o: Objective) => o.rollup ?? 'both';

/** Objective i of the list (this module's own reader, so the read stays monomorphic). */
function objectiveAt(objectives: readonly Objective[], i: number): Objective {
  const o = objectives[i];
  if (o === undefined) throw new RangeError(`okrkit: no objective ${i}`);
  return o;
}

/** Builds the contribution graph; throws `unknown_reference` for an id that does not resolve. */
export function buildGraph(input: GraphInput): ContributionGraph {
  const { objectives, keyResults } = input;
  const O = objectives.length;
  const K = keyResults.length;
  let links = 0;
  for (const o of objectives) links += o.links?.length ?? 0;
  const edges = new EdgeList(K + O + links, O);
  const krObjective = keyResultEdges(input, edges);
  const driven = new Uint8Array(K);
  const parentOf = objectiveEdges(input, edges, driven);
  const N = O + K;
  const { starts: byParentStart, items: byParent } = bucket(edges.parent.subarray(0, edges.count), N);
  const { starts: byChildStart, items: byChild } = bucket(edges.child.subarray(0, edges.count), N);
  const initiativeEdges = initiativeWeights(objectives, edges);
  const initiativeGroups = initiativeEdges.size > 0 ? groupInitiatives(input, krObjective) : new Map<number, number[]>();
  const edgeWeight = edges.weight.subarray(0, edges.weights);
  // Whole-number weights at one scale for the whole plan (the common case), else node by node.
  const global = edges.big.size > 0 ? null : wholeWeights(edgeWeight);
  const local =
    global !== null
      ? null
      : wholeWeightsByNode(N, edges.weights, (e) => edges.big.get(e) ?? edgeWeight[e] ?? 0, { byParentStart, byParent, initiativeEdges });
  return {
    krObjective, parentOf, driven,
    edgeChild: edges.child.subarray(0, edges.count),
    edgeParent: edges.parent.subarray(0, edges.count),
    edgeWeight, bigWeights: edges.big,
    byParentStart, byParent, byChildStart, byChild, initiativeEdges, initiativeGroups,
    edgeUnits: global ?? local?.units ?? edgeWeight,
    fractional: local?.fractional ?? null,
  };
}

/** Key results' edges to their objectives; returns each key result's objective. */
function keyResultEdges(input: GraphInput, edges: EdgeList): Int32Array {
  const { objectives, keyResults } = input;
  const O = objectives.length;
  const krObjective = new Int32Array(keyResults.length);
  // Key results usually come grouped by objective: a run of the same objectiveId is looked up once.
  const objectiveOf = input.objectiveIndex.reader();
  let previous: string | undefined;
  let oi = -1;
  let onlyChildren = false;
  keyResults.forEach((kr, j) => {
    if (oi < 0 || kr.objectiveId !== previous) {
      oi = objectiveOf(kr.objectiveId);
      if (oi < 0) unknownReference(nouns.objective, kr.objectiveId);
      previous = kr.objectiveId;
      onlyChildren = rollupOf(objectiveAt(objectives, oi)) === 'children';
    }
    krObjective[j] = oi;
    if (kr.kind === 'baseline' || onlyChildren || (!input.includeDrafts && isUnapproved(kr))) return;
    const w = kr.weight === undefined ? 1 : kr.weight === 'target' ? targetWeightOf(kr, j) : weightOf(kr.weight, where.keyResultField, kr.id, 'weight');
    if (positive(w)) edges.add(O + j, oi, w);
  });
  return krObjective;
}

/** A key result's weight by its target (weight 'target'): its target's size. */
function targetWeightOf(kr: KeyResult, j: number): Value {
  return targetSizeOf(kr) ?? planProblem(['keyResults', j, 'weight'], msg('issue.targetWeightKind', { id: kr.id }), 'invalid_weight');
}

/** Objectives' edges to their parents and to what they link to; returns each objective's parent. */
function objectiveEdges(input: GraphInput, edges: EdgeList, driven: Uint8Array): Int32Array {
  const { objectives, keyResults, objectiveIndex, krIndex } = input;
  const O = objectives.length;
  const parentOf = new Int32Array(O).fill(-1);
  const parentIndex = objectiveIndex.reader();
  objectives.forEach((o, i) => {
    const feeds = input.includeDrafts || !isUnapproved(o);
    if (o.parentId !== undefined) {
      const p = parentIndex(o.parentId);
      if (p < 0) unknownReference(nouns.objective, o.parentId);
      parentOf[i] = p;
      const w = o.weight === 'target' ? (input.targetWeights.get(i) ?? 0) : weightOf(o.weight, where.objectiveField, o.id, 'weight');
      if (feeds && positive(w) && rollupOf(objectiveAt(objectives, p)) !== 'keyResults') edges.add(i, p, w);
    }
    for (const link of o.links ?? NONE) {
      if (link.contributes !== true || !feeds) continue;
      const w = weightOf(link.weight, where.objectiveField, o.id, 'link weight');
      if (!positive(w)) continue;
      const p = objectiveIndex.get(link.to);
      if (p !== undefined) {
        if (rollupOf(objectiveAt(objectives, p)) !== 'keyResults') edges.add(i, p, w);
        continue;
      }
      const j = krIndex.get(link.to) ?? unknownReference(nouns.objectiveOrKeyResult, link.to);
      if (keyResults[j]?.kind === 'baseline') continue;
      if (isAggregated(keyResults[j])) planProblem(['objectives', i, 'links'], msg('issue.objectiveToAggregate', { id: o.id, to: link.to }));
      driven[j] = 1;
      edges.add(i, O + j, w);
    }
  });
  return parentOf;
}

/** Objectives' initiative weights, after the edges' weights; objective → its weight's position. */
function initiativeWeights(objectives: readonly Objective[], edges: EdgeList): Map<number, number> {
  const positions = new Map<number, number>();
  objectives.forEach((o, i) => {
    if (o.initiativeWeight === undefined) return;
    positions.set(i, edges.addWeight(weightOf(o.initiativeWeight, where.objectiveField, o.id, 'initiativeWeight')));
  });
  return positions;
}

/** The progress of each objective's initiatives (an initiative of a key result counts for its objective). */
function groupInitiatives(input: GraphInput, krObjective: Int32Array): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  for (const it of input.initiatives) {
    const oi =
      it.objectiveId !== undefined
        ? input.objectiveIndex.get(it.objectiveId)
        : it.keyResultId !== undefined
          ? krObjective[input.krIndex.get(it.keyResultId) ?? -1]
          : undefined;
    if (oi === undefined) continue;
    const progress = it.progress ?? (it.status === 'done' ? 1 : 0);
    const list = groups.get(oi);
    if (list) list.push(progress);
    else groups.set(oi, [progress]);
  }
  return groups;
}

/** Whether node n is scored from contributors (an objective or a driven key result). */
function isComputed(graph: ContributionGraph, O: number, n: number): boolean {
  return n < O || u8(graph.driven, n - O) === 1;
}

/**
 * Visits every objective and driven key result after all of its contributors (Kahn's
 * order), calling `visit(n, rank)`; throws `cascade_loop` with the loop's ids when
 * contributions form one.
 */
export function inTopologicalOrder(graph: ContributionGraph, O: number, idOf: (n: number) => string, visit: (n: number, rank: number) => void): void {
  const { edgeChild, edgeParent, byChildStart, byChild } = graph;
  const N = O + graph.driven.length;
  const pending = new Int32Array(N);
  edgeChild.forEach((child, e) => {
    if (!isComputed(graph, O, child)) return;
    const parent = i32(edgeParent, e);
    pending[parent] = i32(pending, parent) + 1;
  });
  const queue = new Int32Array(N);
  let head = 0;
  let tail = 0;
  for (let n = 0; n < N; n++) if (isComputed(graph, O, n) && pending[n] === 0) queue[tail++] = n;
  while (head < tail) {
    const n = i32(queue, head);
    visit(n, head++);
    for (let k = i32(byChildStart, n); k < i32(byChildStart, n + 1); k++) {
      const parent = i32(edgeParent, i32(byChild, k));
      const left = i32(pending, parent) - 1;
      pending[parent] = left;
      if (left === 0) queue[tail++] = parent;
    }
  }
  if (tail < countComputed(graph, O, N)) throw loopError(graph, N, idOf);
}

function countComputed(graph: ContributionGraph, O: number, N: number): number {
  let count = 0;
  for (let n = 0; n < N; n++) if (isComputed(graph, O, n)) count++;
  return count;
}

function loopError(graph: ContributionGraph, N: number, idOf: (n: number) => string): OkrkitError {
  const adjacency: number[][] = Array.from({ length: N }, () => []);
  graph.edgeChild.forEach((child, e) => at(adjacency, child).push(i32(graph.edgeParent, e)));
  const loop = findLoop(adjacency) ?? [];
  return new OkrkitError('cascade_loop', messages.cascadeLoopError(loop.map(idOf)));
}
