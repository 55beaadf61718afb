// The few Node globals simple-peer and its stream library expect in a browser (process, Buffer). Imported by
// renderer/platform/peer.ts before simple-peer; nothing else should need it.
import { Buffer } from 'buffer';
import process from 'process';

const scope = globalThis as unknown as { process?: unknown; Buffer?: unknown };
scope.process ??= process;
scope.Buffer ??= Buffer;
