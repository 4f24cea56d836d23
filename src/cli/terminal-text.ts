// Text from reports on its way to a terminal. Titles, sources, file names and feed errors are
// written by strangers: an escape sequence in them could retitle the window, clear the screen or
// rewrite what was printed, and a newline could forge a line of ours ("skipped …").

/** Whole escape sequences first (CSI, OSC to BEL/ST, DCS/SOS/PM/APC to ST, two-byte ESC x), then lone controls. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const SEQUENCES = /\u001b\[[0-?]*[ -/]*[@-~]?|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[PX^_][^\u001b]*(?:\u001b\\)?|\u001b[\s\S]?|\u009b[0-?]*[ -/]*[@-~]?/g;
/** C0 controls but newline and tab, DEL, C1 controls, bidi embeddings, overrides and isolates. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Text safe to print: escape sequences and control characters removed, newlines and tabs kept. */
export const forTerminal = (s: string): string => s.replace(SEQUENCES, '').replace(CONTROLS, '');

/** One field on one line: line breaks and tabs become spaces as well. */
export const oneLine = (s: string): string => forTerminal(s).replace(/[\n\t\u2028\u2029]+/g, ' ');

/**
 * A file name as a skip line shows it: as is when it holds only printable characters (spaces
 * included), else as a JSON string, every control and quote escaped.
 */
export const quotedName = (name: string): string =>
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u001f"\\\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/.test(name) ? escapedJson(name) : name;

/**
 * JSON for a terminal: JSON.stringify escapes C0 controls but leaves C1, bidi and line/paragraph
 * separators raw; they are escaped too, so the text is the same JSON value and prints inertly.
 */
export const escapedJson = (value: unknown, indent?: number): string =>
  JSON.stringify(value, null, indent).replace(
    /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
