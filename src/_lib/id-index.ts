/**
 * Finds records by id. References in real plans mostly follow the order of what they
 * refer to — key results listed objective by objective, check-ins key result by key
 * result, child objectives parent by parent — so a lookup first tries the record its
 * reader found last and the one after it (two string comparisons) and only then a Map,
 * built on the first miss. Plans whose references follow their records' order are never
 * hashed at all. Ids such as `__proto__` are ordinary keys.
 */
export class IdIndex {
  private map: Map<string, number> | null = null;

  constructor(private readonly records: readonly { readonly id: string }[]) {}

  /**
   * A reader with its own place in the records: each kind of reference (key results'
   * objectives, objectives' parents) follows its own order, so each gets a reader.
   * It returns the position of the record with the id, or -1.
   */
  reader(): (id: string) => number {
    const records = this.records;
    let cursor = 0;
    return (id) => {
      const c = cursor;
      if (c < records.length && (records[c] as { id: string }).id === id) return c;
      if (c + 1 < records.length && (records[c + 1] as { id: string }).id === id) return (cursor = c + 1);
      const found = this.lookup(id);
      if (found >= 0) cursor = found;
      return found;
    };
  }

  /** The position of the record with this id, or undefined (as a Map's `get`). */
  get(id: string): number | undefined {
    const found = this.lookup(id);
    return found < 0 ? undefined : found;
  }

  private lookup(id: string): number {
    let map = this.map;
    if (map === null) {
      map = new Map();
      // Ids are unique in a parsed plan; with duplicates, the first wins here.
      for (let i = this.records.length - 1; i >= 0; i--) map.set((this.records[i] as { id: string }).id, i);
      this.map = map;
    }
    return map.get(id) ?? -1;
  }
}
