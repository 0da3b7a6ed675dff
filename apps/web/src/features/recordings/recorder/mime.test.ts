import { describe, expect, it } from 'vitest';
import { baseType, extensionFor, pickMimeType, recordingFileName } from './mime.js';

describe('recorder mime types', () => {
  it('takes the first type the browser supports', () => {
    const chromium = new Set(['video/webm;codecs=vp8,opus', 'video/webm;codecs=vp9,opus', 'video/webm', 'audio/webm;codecs=opus']);
    expect(pickMimeType('video', (type) => chromium.has(type))).toBe('video/webm;codecs=vp8,opus');
    expect(pickMimeType('audio', (type) => chromium.has(type))).toBe('audio/webm;codecs=opus');
    const safari = new Set(['video/mp4', 'audio/mp4']);
    expect(pickMimeType('video', (type) => safari.has(type))).toBe('video/mp4');
    expect(pickMimeType('audio', (type) => safari.has(type))).toBe('audio/mp4');
    expect(pickMimeType('video', () => false)).toBeNull();
  });

  it('never offers a video type for a sound-only recording', () => {
    expect(pickMimeType('audio', (type) => type.startsWith('video/'))).toBeNull();
  });

  it('names the file after the start time with a fitting extension', () => {
    const start = Date.UTC(2026, 2, 3, 14, 5, 9);
    expect(recordingFileName(start, 'video/webm;codecs=vp8,opus')).toBe('opname-2026-03-03-14-05-09.webm');
    expect(recordingFileName(start, 'audio/mp4')).toBe('opname-2026-03-03-14-05-09.m4a');
    expect(extensionFor('video/mp4;codecs=avc1')).toBe('mp4');
    expect(baseType('audio/webm;codecs=opus')).toBe('audio/webm');
  });
});
