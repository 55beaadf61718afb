// The Solomon parser reads the 9 benchmark files and rejects malformed ones with line-numbered messages.
import { describe, expect, it } from 'vitest';
import { formatSolomonErrors, parseSolomon, solomonToProblem, type SolomonParseResult } from '../../../shared/rules/routing';
import { readInstance, SOLOMON_INSTANCES } from './solomon-data';

const GOOD = [
  'TINY',
  '',
  'VEHICLE',
  'NUMBER     CAPACITY',
  '  2         10',
  '',
  'CUSTOMER',
  'CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME',
  ' ',
  '    0      0         0          0          0       100          0',
  '    1      3         4          5          0        50          1',
  '    2      6         8          5         10        60          1',
];
const text = (lines: string[]) => lines.join('\r\n');
const withLine = (no: number, line: string) => GOOD.map((l, i) => (i === no - 1 ? line : l));

function errorsOf(result: SolomonParseResult) {
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors;
}

describe('parseSolomon on the benchmark files', () => {
  it.each(SOLOMON_INSTANCES)('%s: 25 vehicles, depot and 100 customers', (name) => {
    const result = parseSolomon(readInstance(name));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.instance.name).toBe(name);
    expect(result.instance.vehicleCount).toBe(25);
    expect(result.instance.customers).toHaveLength(100);
    expect(result.instance.customers.map((c) => c.number)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(result.instance.depot.number).toBe(0);
  });

  it('reads C101 exactly (CRLF lines, header rows, the first customer)', () => {
    const result = parseSolomon(readInstance('C101'));
    if (!result.ok) throw new Error(formatSolomonErrors(result.errors));
    expect(result.instance.capacity).toBe(200);
    expect(result.instance.depot).toEqual({ number: 0, x: 40, y: 50, demand: 0, ready: 0, due: 1236, service: 0 });
    expect(result.instance.customers[0]).toEqual({ number: 1, x: 45, y: 68, demand: 10, ready: 912, due: 967, service: 90 });
  });

  it('adapts to the routing model: Euclidean distances, not rounded; windows, service, demand, horizon', () => {
    const result = parseSolomon(text(GOOD));
    if (!result.ok) throw new Error(formatSolomonErrors(result.errors));
    const p = solomonToProblem(result.instance);
    expect(p.vehicles).toHaveLength(2);
    expect(p.vehicles[0]).toMatchObject({ startLocation: 0, endLocation: 0, shiftStart: 0, shiftEnd: 100, capacity: 10 });
    expect(p.jobs[1]).toMatchObject({ id: '2', location: 2, timeWindows: [[10, 60]], service: 1, demand: 5 });
    expect(p.matrix.size).toBe(3);
    expect(p.matrix.distance[0 * 3 + 1]).toBe(5);
    expect(p.matrix.distance[1 * 3 + 2]).toBe(5);
    const r = parseSolomon(text(withLine(12, '    2      1         1          5         10        60          1')));
    if (!r.ok) throw new Error('parse');
    expect(solomonToProblem(r.instance).matrix.distance[1]).toBe(5);
    expect(solomonToProblem(r.instance).matrix.distance[2]).toBeCloseTo(Math.SQRT2, 15);
  });
});

describe('parseSolomon on malformed files', () => {
  it('reports a wrong column count with its line number', () => {
    const [e] = errorsOf(parseSolomon(text(withLine(11, '    1      3         4          5          0        50'))));
    expect(e).toEqual({ line: 11, message: expect.stringContaining('expected 7 columns') });
    expect(formatSolomonErrors([e!])).toMatch(/^line 11: expected 7 columns .* found 6$/);
  });

  it('reports a non-numeric value, naming the column', () => {
    const [e] = errorsOf(parseSolomon(text(withLine(12, '    2      6         eight      5         10        60          1'))));
    expect(e).toEqual({ line: 12, message: 'y coordinate is not a number: "eight"' });
  });

  it('reports a missing VEHICLE section', () => {
    const errors = errorsOf(parseSolomon(text(GOOD.filter((_, i) => i < 2 || i > 4))));
    expect(errors[0]!.message).toMatch(/missing VEHICLE section/);
  });

  it('reports a missing CUSTOMER section', () => {
    const errors = errorsOf(parseSolomon(text(GOOD.slice(0, 5))));
    expect(errors[0]!.message).toMatch(/missing CUSTOMER section/);
  });

  it('reports a VEHICLE section without its data line or with a bad fleet', () => {
    expect(errorsOf(parseSolomon(text(withLine(5, ''))))[0]!.message).toMatch(/no data line/);
    expect(errorsOf(parseSolomon(text(withLine(5, '  0   10'))))[0]).toEqual({ line: 5, message: expect.stringMatching(/number of vehicles must be a positive integer/) });
    expect(errorsOf(parseSolomon(text(withLine(5, '  2   -10'))))[0]).toEqual({ line: 5, message: expect.stringMatching(/capacity must be a positive number/) });
  });

  it('reports negative values', () => {
    const [e] = errorsOf(parseSolomon(text(withLine(11, '    1      3         4         -5          0        50          1'))));
    expect(e).toEqual({ line: 11, message: 'demand of customer 1 is negative (-5)' });
    const [f] = errorsOf(parseSolomon(text(withLine(11, '    1      3         4          5          0        50         -1'))));
    expect(f).toEqual({ line: 11, message: 'service time of customer 1 is negative (-1)' });
  });

  it('reports a due date before the ready time', () => {
    const [e] = errorsOf(parseSolomon(text(withLine(12, '    2      6         8          5         70        60          1'))));
    expect(e).toEqual({ line: 12, message: 'due date 60 of customer 2 is before its ready time 70' });
  });

  it('reports duplicate customer numbers with both lines', () => {
    const [e] = errorsOf(parseSolomon(text(withLine(12, '    1      6         8          5         10        60          1'))));
    expect(e).toEqual({ line: 12, message: 'customer number 1 is repeated (first on line 11)' });
  });

  it('reports a missing depot, an empty customer list, a demand above capacity and an empty file', () => {
    expect(errorsOf(parseSolomon(text(GOOD.filter((_, i) => i !== 9))))[0]!.message).toMatch(/first row must be the depot/);
    expect(errorsOf(parseSolomon(text(GOOD.slice(0, 10))))[0]!.message).toMatch(/depot but no customers/);
    expect(errorsOf(parseSolomon(text(withLine(11, '    1      3         4         11          0        50          1'))))[0]).toEqual({
      line: 11,
      message: 'demand 11 of customer 1 exceeds the vehicle capacity 10',
    });
    expect(errorsOf(parseSolomon(''))[0]!.message).toBe('the file is empty');
  });

  it('lists every bad row, not only the first', () => {
    const lines = withLine(11, '    1      3         x          5          0        50          1');
    lines[11] = '    2      6         8          5         70        60          1';
    expect(errorsOf(parseSolomon(text(lines))).map((e) => e.line)).toEqual([11, 12]);
  });

  it('reports stray lines inside the VEHICLE section', () => {
    const lines = [...GOOD.slice(0, 5), 'oops', ...GOOD.slice(5)];
    expect(errorsOf(parseSolomon(text(lines)))[0]).toEqual({ line: 6, message: 'unexpected line in the VEHICLE section: "oops"' });
  });
});
