// The log sink: JSON lines appended to <userData>/logs/main.log (owner-only), rotated by size. Lines arrive redacted.
import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { LogSink } from '../core/log';

export interface FileLogSinkOptions {
  directory: string;
  fileName?: string;
  /** Rotate when the file grows past this (default 1 MiB). */
  maxBytes?: number;
  /** Rotated files kept: main.1.log ... main.N.log (default 3). */
  keep?: number;
}

export function fileLogSink({ directory, fileName = 'main.log', maxBytes = 1024 * 1024, keep = 3 }: FileLogSinkOptions): LogSink & { readonly file: string } {
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  const file = path.join(directory, fileName);
  const base = fileName.replace(/\.log$/, '');
  const rotated = (index: number): string => path.join(directory, `${base}.${index}.log`);
  let size = existsSync(file) ? statSync(file).size : 0;

  const rotate = (): void => {
    rmSync(rotated(keep), { force: true });
    for (let index = keep - 1; index >= 1; index -= 1) {
      if (existsSync(rotated(index))) renameSync(rotated(index), rotated(index + 1));
    }
    if (existsSync(file)) renameSync(file, rotated(1));
    size = 0;
  };

  return {
    file,
    write(line) {
      const bytes = Buffer.byteLength(line);
      if (size > 0 && size + bytes > maxBytes) rotate();
      appendFileSync(file, line, { mode: 0o600 });
      size += bytes;
    },
  };
}
