import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { formulaStarts, readCsvCell, writeCsv } from '../../../schema/csv.ts';
import { csvToSeed, parseCsv } from './csv.ts';

/** The cells as any spreadsheet or RFC 4180 reader sees them, without the product's unescaping. */
const plainCells = (csv: string) => parse(csv, { relax_column_count: true });

const faultOf = (action: () => unknown) => {
  try {
    action();
  } catch (error) {
    return error as Error & { extensions: Record<string, unknown> };
  }
  throw new Error('expected a fault');
};

describe('writeCsv', () => {
  it('writes the header first and ends every record with CRLF', () => {
    expect(
      writeCsv(
        ['id', 'title'],
        [
          ['a', 'Plan A'],
          ['b', ''],
        ],
      ),
    ).toBe('id,title\r\na,Plan A\r\nb,\r\n');
    expect(writeCsv(['id', 'title'], [])).toBe('id,title\r\n');
  });

  it('quotes fields with commas, quotes and line breaks, doubling the quotes', () => {
    const csv = writeCsv(['a', 'b', 'c', 'd', 'e'], [['Safe, well', 'Cited as "the Act"', 'one\ntwo', 'one\r\ntwo', 'one\rtwo']]);
    expect(csv).toBe('a,b,c,d,e\r\n"Safe, well","Cited as ""the Act""","one\ntwo","one\r\ntwo","one\rtwo"\r\n');
  });

  it('writes numbers as they are, booleans as words and missing values as empty fields', () => {
    expect(writeCsv(['a', 'b', 'c', 'd', 'e'], [[2024, -3, true, null, undefined]])).toBe('a,b,c,d,e\r\n2024,-3,true,,\r\n');
  });

  it('makes every cell starting with a formula character inert: a spreadsheet reads it as text', () => {
    const attacks = ['=HYPERLINK("http://x","y")', "=cmd|' /C calc'!A0", '+1+1', '-1+1', '@SUM(A1:A2)', '\t=1+1', '\r=1+1', '＝1+1', '＋1', '－1', '＠SUM(A1)'];
    for (const start of formulaStarts)
      expect(
        attacks.some((attack) => attack.startsWith(start)),
        start,
      ).toBe(true);
    const [header, row] = plainCells(writeCsv(['x'], [attacks])) as string[][];
    expect(header).toEqual(['x']);
    expect(row).toEqual(attacks.map((attack) => `'${attack}`));
    for (const cell of row!)
      expect(
        formulaStarts.some((start) => cell.startsWith(start)),
        cell,
      ).toBe(false);
  });

  it('leaves text that merely contains a formula character alone', () => {
    expect(writeCsv(['x'], [['Care Act 2014 = duty', "O'Brien", 'a-b']])).toBe("x\r\nCare Act 2014 = duty,O'Brien,a-b\r\n");
  });

  it('adds one more apostrophe to text that already looks escaped, so reading gives it back', () => {
    expect(writeCsv(['x'], [["'=1", "''+2", "'plain"]])).toBe("x\r\n''=1,'''+2,'plain\r\n");
  });

  it('round-trips through the importer’s reader, cell for cell', () => {
    const cells = [
      ['=HYPERLINK("http://x","y")', "=cmd|' /C calc'!A0", '+44 20 7946 0000', '-', '@here', '\tindented', '\rreturn', '＝full'],
      ["'=already", "''-twice", "'plain", 'Safe, "well"', 'one\ntwo', 'one\r\ntwo', 'trailing ', 'ok'],
    ];
    const rows = parseCsv(writeCsv(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'], cells));
    expect(rows.map(({ cells: read }) => read)).toEqual([['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'], ...cells]);
  });

  it('round-trips a cell starting with any character at all', () => {
    const cells = Array.from({ length: 0x10000 }, (_, code) => String.fromCharCode(code))
      .filter((char) => !/[\uD800-\uDFFF]/.test(char))
      .flatMap((char) => [`${char}x`, `'${char}x`]);
    const [, row] = parseCsv(writeCsv(['x'], [cells]));
    expect(row!.cells).toEqual(cells);
  });
});

describe('readCsvCell', () => {
  it('takes one apostrophe off a written formula and leaves everything else', () => {
    expect(readCsvCell("'=1+1")).toBe('=1+1');
    expect(readCsvCell("''@x")).toBe("'@x");
    expect(readCsvCell("'plain")).toBe("'plain");
    expect(readCsvCell('=1+1')).toBe('=1+1');
  });
});

describe('parseCsv', () => {
  it('names the line each row starts on, across quoted line breaks, empty lines and mixed line ends', () => {
    const rows = parseCsv('id,title\r\na,"one\r\ntwo"\r\n\r\nb,"x\ny\rz"\n   ,  \nc,last\rd,end');
    expect(rows.map(({ line, cells }) => [line, cells[0]])).toEqual([
      [1, 'id'],
      [2, 'a'],
      [5, 'b'],
      [9, 'c'],
      [10, 'd'],
    ]);
    expect(rows[1]!.cells[1]).toBe('one\r\ntwo');
    expect(rows[2]!.raw).toBe('b,"x\ny\nz"');
  });

  it('keeps rows shorter or longer than the header and quotes inside unquoted fields', () => {
    expect(parseCsv('a,b,c\n1\n1,2,3,4\n5,say "hi",6').map(({ cells }) => cells)).toEqual([
      ['a', 'b', 'c'],
      ['1'],
      ['1', '2', '3', '4'],
      ['5', 'say "hi"', '6'],
    ]);
  });

  it('names the line and column of a quoted field that is never closed', () => {
    const fault = faultOf(() => parseCsv('id,title,code\r\na,A,1\r\n\r\nb,"B is never\r\nclosed,2\r\n'));
    expect(fault.message).toBe('line 4, column 2 (title): a quoted field is never closed.');
    expect(fault.extensions).toMatchObject({ code: 'BAD_USER_INPUT', line: 4 });
    expect(faultOf(() => parseCsv('"id,title\n')).message).toBe('line 1, column 1: a quoted field is never closed.');
  });

  it('reads 8,000 rows with a line of its own for each', () => {
    const header = ['id', 'parent', 'label', 'title', 'text'];
    const rows = Array.from({ length: 8_000 }, (_, index) => [`p/${index}`, 'p', 'Action', `Action "${index}", with a comma`, `=SUM(A${index})\nsecond line`]);
    const read = parseCsv(writeCsv(header, rows));
    expect(read).toHaveLength(8_001);
    expect(read[8_000]).toMatchObject({ line: 16_000, cells: rows[7_999] });
  });
});

describe('csvToSeed', () => {
  it('turns rows into seed nodes whose source is the row’s line and text', () => {
    const { seed, lineOfNode } = csvToSeed(
      'id,parent,label,title,themes\np,,Plan,"A plan, in full",\np/1,p,Priority,\'=Care first,theme/care;theme/homes\n',
      'plan.csv',
    );
    expect(lineOfNode).toEqual([2, 3]);
    expect(seed.nodes).toEqual([
      {
        id: 'p',
        label: 'Plan',
        title: 'A plan, in full',
        kind: 'STRATEGY',
        status: 'UNKNOWN',
        source: { section: 'line 2', excerpt: 'p,,Plan,"A plan, in full",' },
      },
      {
        id: 'p/1',
        label: 'Priority',
        title: '=Care first',
        parent: 'p',
        themes: ['theme/care', 'theme/homes'],
        source: { section: 'line 3', excerpt: "p/1,p,Priority,'=Care first,theme/care;theme/homes" },
      },
    ]);
  });

  it('names the line and column of header faults', () => {
    expect(faultOf(() => csvToSeed('\nid,label,title,colour\n', 'x.csv')).message).toMatch(/^line 2: unknown column colour; the columns are id, parent/);
    expect(faultOf(() => csvToSeed('id,label\nx,Plan\n', 'x.csv')).message).toBe('line 1: the title column is missing.');
    expect(faultOf(() => csvToSeed('id,label,title\n', 'x.csv')).message).toBe('line 2: the file has a header but no rows.');
    expect(faultOf(() => csvToSeed('  \n', 'x.csv')).message).toBe('line 1: the file has no header row.');
  });
});
