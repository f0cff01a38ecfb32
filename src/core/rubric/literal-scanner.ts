// One pass over a text that finds every occurrence of every literal of a fixed set (Aho-Corasick),
// overlapping or not, with ASCII case folded: the prefilter's (prefilter.ts) view of an answer.
import { isLiteral } from './pattern-literals.js';

/** Which of a fixed set of literals a text contains, found in one pass (ASCII case folded). */
export class LiteralScanner {
  /** Symbol of each character code (0: in no literal). */
  private readonly symbols = new Uint8Array(0x10000);
  private readonly width: number;
  /** The automaton's transitions: state × symbol → state. */
  private readonly next: Uint16Array | Int32Array;
  /** The literal ending at each state, or -1. */
  private readonly ends: Int32Array;
  /** The nearest state on the failure chain (itself excluded) where a literal ends, or -1. */
  private readonly nextEnd: Int32Array;
  /** The first state on each state's failure chain (itself included) where a literal ends, or -1. */
  private readonly outputs: Int32Array;
  /** Whether a literal whose every occurrence is wanted ends on each state's failure chain. */
  private readonly anchorsAt: Uint8Array;
  /** The scan that last reached each state: its literals are already recorded for that scan. */
  private readonly reachedIn: Int32Array;
  private scans = 0;
  /** Per literal: the scan that found it; the scan that listed its starts, and its first and last start. */
  private readonly foundIn: Int32Array;
  private readonly listIn: Int32Array;
  private readonly firstEvent: Int32Array;
  private readonly lastEvent: Int32Array;
  /** Starts of anchored literals in the latest scan, each linked to the next of its literal. */
  private events = new Int32Array(256);
  private eventNext = new Int32Array(256);

  /**
   * `anchored[id]`: the literal's start offsets are wanted, not only whether it occurs (the
   * patterns that start with it are tried only there).
   */
  constructor(
    readonly literals: readonly string[],
    private readonly anchored: Uint8Array = new Uint8Array(literals.length),
  ) {
    let symbolCount = 1;
    for (const literal of literals)
      for (const char of literal) {
        const code = char.charCodeAt(0);
        if (!isLiteral(code) || char !== char.toLowerCase()) throw new Error(`not a lower-case literal: ${literal}`);
        if (this.symbols[code] === 0) {
          this.symbols[code] = symbolCount;
          const upper = char.toUpperCase().charCodeAt(0);
          if (upper !== code) this.symbols[upper] = symbolCount;
          symbolCount++;
        }
      }
    if (symbolCount > 0xff) throw new Error('too many distinct characters in the literals');
    if (new Set(literals).size !== literals.length) throw new Error('the literals must be distinct');
    this.width = symbolCount;
    const width = symbolCount;
    // The trie, in a transition table as long as it could need; 0 is the root and nobody's child.
    let states = 1;
    const capacity = literals.reduce((n, literal) => n + literal.length, 1);
    // Two bytes a transition while states fit: half the table, fewer cache misses per character.
    const next = capacity < 0xffff ? new Uint16Array(capacity * width) : new Int32Array(capacity * width);
    const ends = new Int32Array(capacity).fill(-1);
    literals.forEach((literal, id) => {
      let state = 0;
      for (let i = 0; i < literal.length; i++) {
        const slot = state * width + this.symbols[literal.charCodeAt(i)];
        if (next[slot] === 0) next[slot] = states++;
        state = next[slot];
      }
      ends[state] = id;
    });
    // Failure links breadth first, folded into the table: a missing child becomes the failure's.
    this.next = next.subarray(0, states * width);
    this.ends = ends.subarray(0, states);
    this.nextEnd = new Int32Array(states).fill(-1);
    this.reachedIn = new Int32Array(states);
    this.foundIn = new Int32Array(literals.length);
    this.listIn = new Int32Array(literals.length);
    this.firstEvent = new Int32Array(literals.length);
    this.lastEvent = new Int32Array(literals.length);
    const fail = new Int32Array(states);
    const queue = new Int32Array(states);
    let tail = 0;
    for (let symbol = 0; symbol < width; symbol++) if (next[symbol] !== 0) queue[tail++] = next[symbol];
    for (let head = 0; head < tail; head++) {
      const state = queue[head];
      const failure = fail[state];
      this.nextEnd[state] = ends[failure] >= 0 ? failure : this.nextEnd[failure];
      for (let symbol = 0; symbol < width; symbol++) {
        const slot = state * width + symbol;
        const child = next[slot];
        if (child === 0) next[slot] = next[failure * width + symbol];
        else {
          fail[child] = next[failure * width + symbol];
          queue[tail++] = child;
        }
      }
    }
    this.outputs = this.ends.map((end, state) => (end >= 0 ? state : this.nextEnd[state]));
    this.anchorsAt = new Uint8Array(states);
    for (let state = 0; state < states; state++)
      for (let s = this.outputs[state]; s >= 0; s = this.nextEnd[s])
        if (anchored[this.ends[s]] === 1) this.anchorsAt[state] = 1;
  }

  /**
   * Scans a text for every literal. What it found (`found`, `firstStart`, `nextStart`) holds until
   * the next scan, which reuses the buffers (nothing is allocated per answer but the offsets).
   * Returns the scan's number, for `isCurrent`.
   */
  scan(text: string): number {
    const { symbols, next, ends, nextEnd, outputs, anchorsAt, anchored, literals, width, reachedIn } = this;
    const { foundIn, listIn, firstEvent, lastEvent } = this;
    const scan = ++this.scans;
    let events = this.events;
    let eventNext = this.eventNext;
    let count = 0;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      state = next[state * width + symbols[code]];
      const first = outputs[state];
      if (first < 0) continue;
      if (anchorsAt[state] === 1)
        for (let s = first; s >= 0; s = nextEnd[s]) {
          const id = ends[s];
          if (anchored[id] !== 1) continue;
          if (count === events.length) {
            events = grow(events);
            eventNext = grow(eventNext);
          }
          events[count] = i + 1 - literals[id].length;
          eventNext[count] = -1;
          if (listIn[id] === scan) eventNext[lastEvent[id]] = count;
          else {
            listIn[id] = scan;
            firstEvent[id] = count;
          }
          lastEvent[id] = count++;
        }
      if (reachedIn[state] === scan) continue;
      reachedIn[state] = scan;
      for (let s = first; s >= 0; s = nextEnd[s]) foundIn[ends[s]] = scan;
    }
    this.events = events;
    this.eventNext = eventNext;
    return scan;
  }

  /** Whether `scan` is the latest scan, whose findings the accessors below report. */
  isCurrent(scan: number): boolean {
    return scan === this.scans;
  }

  /** Whether the latest scanned text contains the literal. */
  found(id: number): boolean {
    return this.foundIn[id] === this.scans;
  }

  /** The first occurrence of an anchored literal in the latest scan (see `startOf`), or -1. */
  firstStart(id: number): number {
    return this.listIn[id] === this.scans ? this.firstEvent[id] : -1;
  }

  /** The occurrence after `occurrence` of the same literal, or -1. */
  nextStart(occurrence: number): number {
    return this.eventNext[occurrence];
  }

  /** Every occurrence's start and the next occurrence of its literal (-1: none), by occurrence. */
  occurrences(): { starts: Int32Array; nextStarts: Int32Array } {
    return { starts: this.events, nextStarts: this.eventNext };
  }

  /** Where an occurrence starts in the text. */
  startOf(occurrence: number): number {
    return this.events[occurrence];
  }

  /** Every start of an anchored literal in the latest scan, ascending. */
  starts(id: number): number[] {
    const found: number[] = [];
    for (let e = this.firstStart(id); e >= 0; e = this.nextStart(e)) found.push(this.startOf(e));
    return found;
  }
}

function grow(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(array.length * 2);
  grown.set(array);
  return grown;
}
