// The log file sink: owner-only folder and file, appends JSON lines, rotates by size and keeps a fixed number of files.
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileLogSink } from '../../../electron/adapters/log-file';

const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'housecall-logs-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('fileLogSink', () => {
  it('creates logs/ owner-only and appends lines', () => {
    const directory = path.join(tempDir(), 'logs');
    const sink = fileLogSink({ directory });
    sink.write('a\n');
    sink.write('b\n');
    expect(readFileSync(sink.file, 'utf8')).toBe('a\nb\n');
    if (process.platform !== 'win32') {
      expect(statSync(directory).mode & 0o077).toBe(0);
      expect(statSync(sink.file).mode & 0o077).toBe(0);
    }
  });

  it('rotates past maxBytes and keeps at most `keep` old files', () => {
    const directory = tempDir();
    const sink = fileLogSink({ directory, maxBytes: 10, keep: 2 });
    for (const line of ['1111111\n', '2222222\n', '3333333\n', '4444444\n']) sink.write(line);
    expect(readdirSync(directory).sort()).toEqual(['main.1.log', 'main.2.log', 'main.log']);
    expect(readFileSync(path.join(directory, 'main.log'), 'utf8')).toBe('4444444\n');
    expect(readFileSync(path.join(directory, 'main.2.log'), 'utf8')).toBe('2222222\n');
  });
});
