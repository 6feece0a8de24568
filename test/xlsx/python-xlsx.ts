import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const python = spawnSync('python3', ['--version']).status === 0;

/** A cell as Python's standard library reads it from the sheet XML: its type (`s` text, `n` number, `b` boolean), its value's text, whether it holds a formula. */
export type PyCell = readonly [type: string, value: string, formula: boolean];

export interface PySheet {
  readonly state: string;
  /** Cells by row, by column index (0-based), from the XML; `null` for a cell not written. */
  readonly rows: (PyCell | null)[][];
  readonly frozen: boolean;
  readonly autoFilter: boolean;
  readonly validations: number;
  readonly styles: Record<string, string>;
}

// zipfile + xml.etree only: no pip package, a reader independent of exceljs and SheetJS.
const SCRIPT = String.raw`
import json, re, sys, zipfile
import xml.etree.ElementTree as ET
NS = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main', 'r': 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'}
RID = '{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id'
z = zipfile.ZipFile(sys.argv[1])
def text(si):
    return ''.join(t.text or '' for t in si.iter('{%s}t' % NS['m']))
shared = []
if 'xl/sharedStrings.xml' in z.namelist():
    shared = [text(si) for si in ET.fromstring(z.read('xl/sharedStrings.xml')).findall('m:si', NS)]
rels = {r.get('Id'): r.get('Target') for r in ET.fromstring(z.read('xl/_rels/workbook.xml.rels'))}
styles = ET.fromstring(z.read('xl/styles.xml'))
formats = {f.get('numFmtId'): f.get('formatCode') for f in styles.iter('{%s}numFmt' % NS['m'])}
xfs = [x.get('numFmtId') for x in styles.find('m:cellXfs', NS).findall('m:xf', NS)]
out = {}
for s in ET.fromstring(z.read('xl/workbook.xml')).find('m:sheets', NS):
    target = rels[s.get(RID)].lstrip('/')
    path = target if target.startswith('xl/') else 'xl/' + target
    root = ET.fromstring(z.read(path))
    rows, fmt = [], {}
    for row in root.iter('{%s}row' % NS['m']):
        cells = []
        for c in row.findall('m:c', NS):
            ref = c.get('r'); col = 0
            for ch in re.match('[A-Z]+', ref).group(0): col = col * 26 + ord(ch) - 64
            while len(cells) < col - 1: cells.append(None)
            t = c.get('t', 'n'); v = c.find('m:v', NS); f = c.find('m:f', NS) is not None
            if t == 's': value = shared[int(v.text)]
            elif t == 'inlineStr': value = text(c.find('m:is', NS))
            else: value = v.text if v is not None else ''
            cells.append([t if t != 'inlineStr' else 's', value, f])
            code = formats.get(xfs[int(c.get('s', '0'))], '')
            if code: fmt[ref] = code
        rows.append(cells)
    pane = root.find('.//m:pane', NS)
    out[s.get('name')] = {'state': s.get('state', 'visible'), 'rows': rows, 'frozen': pane is not None and pane.get('state') == 'frozen',
        'autoFilter': root.find('m:autoFilter', NS) is not None, 'validations': len(root.findall('.//m:dataValidation', NS)), 'styles': fmt}
print(json.dumps(out))
`;

/** A workbook's sheets as Python's zipfile and xml.etree read them. */
export function readWithPython(bytes: Uint8Array): Record<string, PySheet> {
  const file = join(mkdtempSync(join(tmpdir(), 'okrkit-xlsx-')), 'book.xlsx');
  writeFileSync(file, bytes);
  const run = spawnSync('python3', ['-c', SCRIPT, file], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as Record<string, PySheet>;
}
