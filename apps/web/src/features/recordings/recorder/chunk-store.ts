import type { RecordingKind } from '@spreekkamer/shared';
import { baseType, recordingFileName } from './mime.js';

/**
 * Keeps a recording's pieces in the browser (IndexedDB) while it is being made, so a closed tab
 * or a crash does not lose the conversation. Removed as soon as the upload finished. Everything
 * here is best effort: without IndexedDB the recorder still works, only without this safety net.
 */
export interface StoredRecording {
  id: string;
  conversationId: string;
  kind: RecordingKind;
  mimeType: string;
  startedAt: number;
}

interface StoredChunk {
  sessionId: string;
  seq: number;
  data: Blob;
}

const dbName = 'spreekkamer-recorder';
const sessions = 'sessions';
const chunks = 'chunks';

let opening: Promise<IDBDatabase> | null = null;

function openDb(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    if (typeof indexedDB === 'undefined') {
      reject(new Error('IndexedDB is not available'));
      return;
    }
    const request = indexedDB.open(dbName, 1);
    request.onupgradeneeded = () => {
      const db = request.result;
      db.createObjectStore(sessions, { keyPath: 'id' });
      db.createObjectStore(chunks, { keyPath: ['sessionId', 'seq'] }).createIndex('sessionId', 'sessionId');
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'));
  }).catch((error: unknown) => {
    opening = null;
    throw error;
  });
  return opening;
}

function done(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
  });
}

function result<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

export async function beginStoredRecording(recording: StoredRecording): Promise<void> {
  const db = await openDb();
  const transaction = db.transaction(sessions, 'readwrite');
  transaction.objectStore(sessions).put(recording);
  await done(transaction);
}

export async function appendStoredChunk(sessionId: string, seq: number, data: Blob): Promise<void> {
  const db = await openDb();
  const transaction = db.transaction(chunks, 'readwrite');
  transaction.objectStore(chunks).put({ sessionId, seq, data } satisfies StoredChunk);
  await done(transaction);
}

export async function listStoredRecordings(conversationId: string): Promise<StoredRecording[]> {
  const db = await openDb();
  const all = await result(db.transaction(sessions, 'readonly').objectStore(sessions).getAll() as IDBRequest<StoredRecording[]>);
  return all.filter((recording) => recording.conversationId === conversationId).sort((a, b) => a.startedAt - b.startedAt);
}

/** Rebuilds the file exactly as the recorder would have made it, so an earlier upload of it resumes. */
export async function loadStoredRecording(recording: StoredRecording): Promise<File | null> {
  const db = await openDb();
  const stored = await result(
    db.transaction(chunks, 'readonly').objectStore(chunks).index('sessionId').getAll(recording.id) as IDBRequest<StoredChunk[]>,
  );
  if (stored.length === 0) return null;
  stored.sort((a, b) => a.seq - b.seq);
  return recordedFile(
    stored.map((chunk) => chunk.data),
    recording,
  );
}

export async function removeStoredRecording(id: string): Promise<void> {
  const db = await openDb();
  const transaction = db.transaction([sessions, chunks], 'readwrite');
  transaction.objectStore(sessions).delete(id);
  transaction.objectStore(chunks).delete(IDBKeyRange.bound([id, -Infinity], [id, Infinity]));
  await done(transaction);
}

/** The one place that turns recorded pieces into a File: the same pieces always give the same fingerprint. */
export function recordedFile(parts: readonly Blob[], recording: Pick<StoredRecording, 'mimeType' | 'startedAt'>): File {
  return new File([...parts], recordingFileName(recording.startedAt, recording.mimeType), {
    type: baseType(recording.mimeType),
    lastModified: recording.startedAt,
  });
}
