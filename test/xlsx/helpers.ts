// Helpers shared by the workbook tests (okrkit/xlsx and the command).
import { deflateRawSync } from 'node:zlib';
import { OkrkitError } from '../../src/index.js';

/** The OkrkitError a promise rejects with. */
export async function rejection(p: Promise<unknown>): Promise<OkrkitError> {
  try {
    await p;
  } catch (error) {
    if (error instanceof OkrkitError) return error;
    throw error;
  }
  throw new Error('expected an OkrkitError');
}

/** A zip archive of stored or deflated entries, built by hand. */
export function zip(entries: readonly { name: string; data: Uint8Array; size?: number; flags?: number }[]): Uint8Array {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const data = deflateRawSync(e.data);
    const name = Buffer.from(e.name);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(e.flags ?? 0, 6);
    head.writeUInt16LE(8, 8);
    head.writeUInt32LE(data.length, 18);
    head.writeUInt32LE(e.size ?? e.data.length, 22);
    head.writeUInt16LE(name.length, 26);
    local.push(head, name, data);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(e.flags ?? 0, 8);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(data.length, 20);
    dir.writeUInt32LE(e.size ?? e.data.length, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, name);
    offset += 30 + name.length + data.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...local, dirBytes, end]));
}
