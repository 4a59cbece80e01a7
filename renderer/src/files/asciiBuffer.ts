/**
 * Builds ASCII text straight into bytes. A worksheet of shared strings is all ASCII (cell references,
 * numbers, string indexes), and writing its bytes directly skips the millions of short strings that
 * concatenating and encoding 100,000 rows would make and collect.
 */
export class AsciiBuffer {
  private buffer: Uint8Array<ArrayBuffer>;
  private length = 0;

  constructor(private readonly capacity = 1 << 20) {
    this.buffer = new Uint8Array(capacity);
  }

  private room(n: number) {
    if (this.length + n <= this.buffer.length) return;
    const bigger = new Uint8Array(Math.max(this.buffer.length * 2, this.length + n));
    bigger.set(this.buffer.subarray(0, this.length));
    this.buffer = bigger;
  }

  bytes(b: Uint8Array) {
    this.room(b.length);
    for (let i = 0; i < b.length; i++) this.buffer[this.length++] = b[i]!;
  }

  /** Only for ASCII text: each UTF-16 unit becomes one byte. */
  text(s: string) {
    this.room(s.length);
    for (let i = 0; i < s.length; i++) this.buffer[this.length++] = s.charCodeAt(i);
  }

  /** A non-negative integer in decimal. */
  uint(n: number) {
    let digits = 1;
    for (let p = 10; p <= n; p *= 10) digits++;
    this.room(digits);
    this.length += digits;
    for (let at = this.length - 1; digits-- > 0; n = Math.floor(n / 10)) this.buffer[at--] = 48 + (n % 10);
  }

  /** The bytes so far, handed over; the buffer starts again empty. */
  take(): Uint8Array<ArrayBuffer> {
    const out = this.buffer.subarray(0, this.length);
    this.buffer = new Uint8Array(this.capacity);
    this.length = 0;
    return out;
  }
}
