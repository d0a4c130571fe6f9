/**
 * What the label reader's worker posts, in batches: labels (one string per batch, fields joined
 * by U+0000, which XML cannot carry), or, for a sheet the main thread gave recipes for, either
 * those labels or the workbook rows made of them (label-row-xml.ts), as UTF-8 moved to the main
 * thread without a copy. Which, batch by batch, follows the main thread: while it is still busy
 * with a batch, the next is made into rows here; once it has taken every batch, the next goes as
 * labels and the main thread makes the rows. So both cores stay busy whichever is the slower.
 * Either way every label of such a sheet is one row, numbered in order.
 */
import type { MessagePort } from 'node:worker_threads';
import type { Label, LabelSheet, Lcid } from './crm-xml/model';
import type { BatchPolicy, ToMain } from './read-protocol';
import { LabelRowXml, type RowRecipe, type RowSuggestions } from './workbook/label-row-xml';

/**
 * Labels per message. Small: a label's texts are slices of the scanner's text and keep it alive
 * until the batch is sent, and the main thread holds the batches in flight.
 */
const BATCH: BatchPolicy = { size: 250, rows: 'balanced' };
/** Bytes of row XML a batch starts with room for (a batch of the benchmark's rows takes about 150 KB). */
const ROW_BYTES = 256 * 1024;

/**
 * Rows' XML gathered as UTF-8 in memory of its own, which is then moved to the main thread
 * (transferred, not copied): each row is encoded as soon as it is made, while it is small. The
 * memory is allocUnsafeSlow's: an ArrayBuffer of its own (Buffer's shared pool cannot be moved),
 * not zero-filled first (a batch is about 150 KB, and there are thousands).
 */
class RowBytes {
  private bytes = Buffer.allocUnsafeSlow(ROW_BYTES);
  private used = 0;

  add(xml: string): void {
    if (this.used + xml.length * 3 > this.bytes.length) {
      const larger = Buffer.allocUnsafeSlow(Math.max(this.bytes.length * 2, this.used + xml.length * 3));
      this.bytes.copy(larger, 0, 0, this.used);
      this.bytes = larger;
    }
    this.used += this.bytes.write(xml, this.used, 'utf8');
  }

  /** The bytes gathered and the memory to transfer with them; the next go into new memory. */
  take(): { bytes: Uint8Array; memory: ArrayBuffer } {
    const memory = this.bytes.buffer;
    const taken = { bytes: new Uint8Array(memory, this.bytes.byteOffset, this.used), memory };
    this.bytes = Buffer.allocUnsafeSlow(ROW_BYTES);
    this.used = 0;
    return taken;
  }
}

/** Rows of one sheet: a maker per recipe, the sheet's rows so far in each, the XML of each batch. */
interface RowMaking {
  makers: LabelRowXml[];
  next: number[];
  xml: RowBytes[];
}

export class Batches {
  private fields: string[] = [];
  private count = 0;
  /** Rows of the batch being gathered, by recipe (a recipe may leave labels out: missingOnly). */
  private rows: number[] = [];
  /** The rows being made, while the batch being gathered is rows. */
  private making: RowMaking | undefined;
  /** How the labels of each sheet go: made into rows when asked, or as labels (null). */
  private readonly plans = new Map<LabelSheet, RowMaking | null>();
  /** Batches posted. */
  private posted = 0;
  /** Batches acknowledged (memory stays flat: the reader waits while too many are not). */
  acknowledged = 0;

  /** `taken[0]`: batches the main thread has taken in, counted there as it goes. */
  constructor(
    private readonly port: MessagePort,
    private readonly taken: Int32Array | undefined,
    private readonly policy: BatchPolicy = BATCH,
    /** The suggestions of recipes that ask for them. */
    private readonly table?: RowSuggestions,
  ) {}

  /** Whether the next batch of a sheet with recipes is made into rows. */
  private nextAsRows(): boolean {
    switch (this.policy.rows) {
      case 'always':
        return true;
      case 'alternate':
        return this.posted % 2 === 1;
      case 'balanced':
        // Rows while the main thread has two batches or more still to take in.
        return this.taken !== undefined && Atomics.load(this.taken, 0) < this.posted - 1;
    }
  }

  get outstanding(): number {
    return this.posted - this.acknowledged;
  }

  plan(sheet: LabelSheet, recipes: readonly RowRecipe[] | undefined): void {
    const makers = recipes?.map((r) => new LabelRowXml(r, this.table));
    this.plans.set(
      sheet,
      makers === undefined
        ? null
        : { makers, next: makers.map((m) => m.recipe.rowsBefore), xml: makers.map(() => new RowBytes()) },
    );
  }

  add(label: Label, languages: readonly Lcid[]): void {
    const plan = this.plans.get(label.sheet) ?? null;
    if (this.count === 0) {
      this.making = plan !== null && this.nextAsRows() ? plan : undefined;
      this.rows = plan === null ? [] : plan.makers.map(() => 0);
    }
    const making = this.making;
    if (making === undefined) {
      this.fields.push(
        label.sheet === 'Display Strings' ? 'D' : 'L',
        label.entity,
        label.objectId,
        label.column,
      );
      for (const lcid of languages) this.fields.push(label.texts.get(lcid) ?? '');
      // The main thread makes these rows: the numbers of the rows made here go on after them.
      if (plan !== null)
        plan.makers.forEach((maker, i) => {
          if (maker.takes(label)) plan.next[i]!++;
        });
    } else {
      const { makers, next, xml } = making;
      for (let i = 0; i < makers.length; i++) {
        if (!makers[i]!.takes(label)) continue;
        xml[i]!.add(makers[i]!.row(label, next[i]!));
        next[i]!++;
        this.rows[i]!++;
      }
    }
    if (++this.count >= this.policy.size) this.flush();
  }

  flush(): void {
    if (this.count === 0) return;
    if (this.making === undefined) {
      const message: ToMain = { type: 'labels', count: this.count, data: this.fields.join('\u0000') };
      this.port.postMessage(message);
    } else {
      const taken = this.making.xml.map((x) => x.take());
      const notes = this.making.makers.map((m) => Int32Array.from(m.notes.splice(0)));
      const message: ToMain = {
        type: 'rows',
        count: this.count,
        rows: this.rows,
        xml: taken.map((t) => t.bytes),
        notes,
      };
      this.port.postMessage(message, [...taken.map((t) => t.memory), ...notes.map((n) => n.buffer)]);
    }
    this.posted++;
    this.fields = [];
    this.count = 0;
  }
}
