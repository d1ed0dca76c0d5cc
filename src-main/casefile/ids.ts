import { v7 as uuidv7 } from 'uuid';

/** Record ids are UUIDv7: unique across devices (merge) and roughly time-ordered (index locality). */
export function newId(): string {
  return uuidv7();
}

/** The one timestamp convention of the case file: ISO-8601 UTC with milliseconds. */
export function nowIso(): string {
  return new Date().toISOString();
}
