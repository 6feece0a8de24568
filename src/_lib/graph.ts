/**
 * Finds a directed loop in a graph given as adjacency lists, without recursion (so a
 * cascade 100,000 levels deep cannot overflow the stack). Returns the loop's nodes
 * with the first repeated at the end, or null when the graph is acyclic.
 */
export function findLoop(adjacency: readonly (readonly number[] | undefined)[]): number[] | null {
  const n = adjacency.length;
  const state = new Uint8Array(n); // 0 unseen, 1 on the path, 2 done
  const next = new Int32Array(n);
  const path: number[] = [];
  for (let root = 0; root < n; root++) {
    if (state[root] !== 0) continue;
    state[root] = 1;
    path.push(root);
    while (path.length > 0) {
      const u = path[path.length - 1] as number;
      const edges = adjacency[u];
      if (edges !== undefined && (next[u] as number) < edges.length) {
        const at = next[u] as number;
        next[u] = at + 1;
        const v = edges[at] as number;
        if (state[v] === 0) {
          state[v] = 1;
          path.push(v);
        } else if (state[v] === 1) {
          const loop = path.slice(path.lastIndexOf(v));
          loop.push(v);
          return loop;
        }
      } else {
        state[u] = 2;
        path.pop();
      }
    }
  }
  return null;
}
