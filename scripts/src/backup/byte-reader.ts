/** Reads exact byte counts from a stream of buffers (the archive's frames, then its records). */
export class ByteReader {
  private buffered: Buffer[] = [];
  private bufferedBytes = 0;
  private done = false;
  private readonly iterator: AsyncIterator<Buffer>;

  constructor(source: AsyncIterable<Buffer>) {
    this.iterator = source[Symbol.asyncIterator]();
  }

  /** Up to `max` bytes as soon as any are available; an empty buffer at the end. */
  async readSome(max: number): Promise<Buffer> {
    if (this.bufferedBytes === 0 && !(await this.fill())) return Buffer.alloc(0);
    const first = this.buffered[0]!;
    const piece = first.length <= max ? first : first.subarray(0, max);
    if (piece.length === first.length) this.buffered.shift();
    else this.buffered[0] = first.subarray(max);
    this.bufferedBytes -= piece.length;
    return piece;
  }

  /** Exactly n bytes, or fewer when the stream ends first. */
  async read(n: number): Promise<Buffer> {
    while (this.bufferedBytes < n && (await this.fill()));
    const all = this.buffered.length === 1 ? this.buffered[0]! : Buffer.concat(this.buffered);
    const out = all.subarray(0, Math.min(n, all.length));
    const rest = all.subarray(out.length);
    this.buffered = rest.length > 0 ? [rest] : [];
    this.bufferedBytes = rest.length;
    return out;
  }

  async atEnd(): Promise<boolean> {
    return this.bufferedBytes === 0 && !(await this.fill());
  }

  private async fill(): Promise<boolean> {
    if (this.done) return false;
    const next = await this.iterator.next();
    if (next.done) {
      this.done = true;
      return false;
    }
    const piece = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value);
    this.buffered.push(piece);
    this.bufferedBytes += piece.length;
    return true;
  }
}
