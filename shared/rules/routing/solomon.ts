// Solomon VRPTW instance files: a parser with line-numbered errors, and the adapter to the routing model
// (Euclidean distances, not rounded; travel time = distance; depot due date = horizon = shift end).
import type { RoutingProblem } from './model';

export interface SolomonCustomer {
  number: number;
  x: number;
  y: number;
  demand: number;
  ready: number;
  due: number;
  service: number;
}

export interface SolomonInstance {
  name: string;
  vehicleCount: number;
  capacity: number;
  depot: SolomonCustomer;
  customers: SolomonCustomer[];
}

export interface SolomonError {
  /** 1-based line number in the file (0 when the problem is the file as a whole). */
  line: number;
  message: string;
}

export type SolomonParseResult = { ok: true; instance: SolomonInstance } | { ok: false; errors: SolomonError[] };

const COLUMNS = ['customer number', 'x coordinate', 'y coordinate', 'demand', 'ready time', 'due date', 'service time'];
const MAX_ERRORS = 20;

/** Parses the text of a Solomon file. Never throws: malformed files give every error found, with line numbers. */
export function parseSolomon(text: string): SolomonParseResult {
  const lines = text.split(/\r\n|\n|\r/);
  const errors: SolomonError[] = [];
  const fail = (line: number, message: string) => {
    if (errors.length < MAX_ERRORS) errors.push({ line, message });
  };
  // Content lines with their 1-based numbers; blank lines carry no meaning in this format.
  const content = lines.map((t, i) => ({ no: i + 1, text: t.trim() })).filter((l) => l.text !== '');
  if (content.length === 0) return { ok: false, errors: [{ line: 0, message: 'the file is empty' }] };

  const name = content[0]!.text;
  const vehicleAt = content.findIndex((l) => /^VEHICLE$/i.test(l.text));
  const customerAt = content.findIndex((l) => /^CUSTOMER$/i.test(l.text));
  if (vehicleAt < 0) fail(0, 'missing VEHICLE section (a line "VEHICLE" followed by "NUMBER CAPACITY" and one data line)');
  if (customerAt < 0) fail(0, 'missing CUSTOMER section (a line "CUSTOMER" followed by the column header and one row per customer)');
  if (vehicleAt >= 0 && customerAt >= 0 && customerAt < vehicleAt) fail(content[customerAt]!.no, 'the CUSTOMER section must come after the VEHICLE section');
  if (errors.length) return { ok: false, errors };

  // VEHICLE: an optional header line (NUMBER CAPACITY), then "<number> <capacity>".
  let cursor = vehicleAt + 1;
  if (cursor < customerAt && /^NUMBER\s+CAPACITY$/i.test(content[cursor]!.text)) cursor++;
  const fleetLine = cursor < customerAt ? content[cursor]! : undefined;
  let vehicleCount = 0;
  let capacity = 0;
  if (!fleetLine) {
    fail(content[vehicleAt]!.no, 'the VEHICLE section has no data line "<number of vehicles> <capacity>"');
  } else {
    const cells = fleetLine.text.split(/\s+/);
    if (cells.length !== 2) fail(fleetLine.no, `expected 2 columns (number of vehicles, capacity), found ${cells.length}`);
    else {
      const [n, q] = cells.map(Number) as [number, number];
      if (!Number.isInteger(n) || n <= 0) fail(fleetLine.no, `number of vehicles must be a positive integer, found "${cells[0]}"`);
      if (!Number.isFinite(q) || q <= 0) fail(fleetLine.no, `vehicle capacity must be a positive number, found "${cells[1]}"`);
      vehicleCount = n;
      capacity = q;
    }
    for (let k = cursor + 1; k < customerAt; k++) fail(content[k]!.no, `unexpected line in the VEHICLE section: "${content[k]!.text}"`);
  }

  // CUSTOMER: an optional header line (CUST NO. ...), then rows of 7 numbers; the first row is the depot (0).
  cursor = customerAt + 1;
  if (cursor < content.length && /^CUST\b/i.test(content[cursor]!.text)) cursor++;
  const rows: { no: number; c: SolomonCustomer }[] = [];
  const seen = new Map<number, number>();
  for (let k = cursor; k < content.length; k++) {
    const { no, text: t } = content[k]!;
    const cells = t.split(/\s+/);
    if (cells.length !== COLUMNS.length) {
      fail(no, `expected ${COLUMNS.length} columns (${COLUMNS.join(', ')}), found ${cells.length}`);
      continue;
    }
    const values = cells.map(Number);
    const bad = values.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) {
      fail(no, `${COLUMNS[bad]} is not a number: "${cells[bad]}"`);
      continue;
    }
    const [number, x, y, demand, ready, due, service] = values as [number, number, number, number, number, number, number];
    let rowOk = true;
    if (!Number.isInteger(number) || number < 0) {
      fail(no, `customer number must be a non-negative integer, found "${cells[0]}"`);
      rowOk = false;
    }
    for (const [label, v] of [['demand', demand], ['ready time', ready], ['due date', due], ['service time', service]] as const) {
      if (v < 0) {
        fail(no, `${label} of customer ${cells[0]} is negative (${v})`);
        rowOk = false;
      }
    }
    if (due < ready) {
      fail(no, `due date ${due} of customer ${cells[0]} is before its ready time ${ready}`);
      rowOk = false;
    }
    const dup = seen.get(number);
    if (dup !== undefined) {
      fail(no, `customer number ${number} is repeated (first on line ${dup})`);
      rowOk = false;
    }
    seen.set(number, no);
    if (rowOk) rows.push({ no, c: { number, x, y, demand, ready, due, service } });
  }
  if (errors.length) return { ok: false, errors };

  const depotRow = rows[0];
  if (!depotRow) return { ok: false, errors: [{ line: content[customerAt]!.no, message: 'the CUSTOMER section has no rows (the depot, customer 0, must come first)' }] };
  if (depotRow.c.number !== 0) fail(depotRow.no, `the first row must be the depot (customer 0), found customer ${depotRow.c.number}`);
  if (depotRow.c.demand !== 0) fail(depotRow.no, `the depot must have demand 0, found ${depotRow.c.demand}`);
  if (rows.length < 2) fail(depotRow.no, 'the CUSTOMER section has a depot but no customers');
  for (const { no, c } of rows.slice(1)) {
    if (c.demand > capacity) fail(no, `demand ${c.demand} of customer ${c.number} exceeds the vehicle capacity ${capacity}`);
  }
  if (errors.length) return { ok: false, errors };
  return { ok: true, instance: { name, vehicleCount, capacity, depot: depotRow.c, customers: rows.slice(1).map((r) => r.c) } };
}

/** "line 12: expected 7 columns ..." — one message per line, for a command line or a log. */
export function formatSolomonErrors(errors: readonly SolomonError[]): string {
  return errors.map((e) => (e.line > 0 ? `line ${e.line}: ${e.message}` : e.message)).join('\n');
}

/** Location 0 is the depot, location i the i-th customer row; job ids are the customer numbers. */
export function solomonToProblem(inst: SolomonInstance): RoutingProblem {
  const points = [inst.depot, ...inst.customers];
  const size = points.length;
  const distance = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      const a = points[i]!;
      const b = points[j]!;
      distance[i * size + j] = Math.sqrt((a.x - b.x) ** 2 + (a.y - b.y) ** 2);
    }
  }
  const vehicles = Array.from({ length: inst.vehicleCount }, (_, k) => ({
    id: `v${k + 1}`,
    startLocation: 0,
    endLocation: 0,
    shiftStart: inst.depot.ready,
    shiftEnd: inst.depot.due,
    capacity: inst.capacity,
  }));
  const jobs = inst.customers.map((c, k) => ({
    id: String(c.number),
    location: k + 1,
    timeWindows: [[c.ready, c.due] as const],
    service: c.service,
    demand: c.demand,
  }));
  return { name: inst.name, vehicles, jobs, matrix: { size, distance } };
}
