// A min-heap of (time, lead slot) for replayed leads that close later, so their owners' open loads drop then.

/** Min-heap ordered by time; each entry names the replayed lead's slot, whose current owners are released. */
export class ReleaseQueue {
  private times: number[] = [];
  private slots: number[] = [];
  get size(): number {
    return this.times.length;
  }
  peekTime(): number {
    return this.times[0] ?? Infinity;
  }
  push(time: number, slot: number): void {
    this.times.push(time);
    this.slots.push(slot);
    let i = this.times.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((this.times[parent] ?? 0) <= (this.times[i] ?? 0)) break;
      this.swap(i, parent);
      i = parent;
    }
  }
  pop(): number {
    const slot = this.slots[0] ?? -1;
    const lastTime = this.times.pop() ?? 0;
    const lastSlot = this.slots.pop() ?? 0;
    if (this.times.length > 0) {
      this.times[0] = lastTime;
      this.slots[0] = lastSlot;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let s = i;
        if (l < this.times.length && (this.times[l] ?? 0) < (this.times[s] ?? 0)) s = l;
        if (r < this.times.length && (this.times[r] ?? 0) < (this.times[s] ?? 0)) s = r;
        if (s === i) break;
        this.swap(i, s);
        i = s;
      }
    }
    return slot;
  }
  private swap(a: number, b: number): void {
    [this.times[a], this.times[b]] = [this.times[b] ?? 0, this.times[a] ?? 0];
    [this.slots[a], this.slots[b]] = [this.slots[b] ?? 0, this.slots[a] ?? 0];
  }
}
