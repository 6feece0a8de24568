/**
 * Computes `memo`'s value for `root` after those of the nodes below it that `memo` does
 * not hold yet, children first, with an explicit stack: a tree of any depth or width
 * cannot overflow the call stack. `eachChild` names a node's children; `compute` runs
 * once per node, when all its children are in `memo`.
 */
export function computeBottomUp<K, V>(root: K, memo: Map<K, V>, eachChild: (node: K, visit: (child: K) => void) => void, compute: (node: K) => V): V {
  const stack: K[] = [root];
  const visit = (child: K) => {
    if (!memo.has(child)) stack.push(child);
  };
  while (stack.length > 0) {
    const node = stack[stack.length - 1] as K;
    if (memo.has(node)) {
      stack.pop();
      continue;
    }
    const before = stack.length;
    eachChild(node, visit);
    if (stack.length > before) continue;
    memo.set(node, compute(node));
    stack.pop();
  }
  return memo.get(root) as V;
}
