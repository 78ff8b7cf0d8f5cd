/** A benchmark case. Put cases in `lib/<concern>/*.bench.ts`, exporting `cases: BenchCase[]`. */
export interface BenchCase {
  /** Shown in the table, e.g. `prisma: parse+print documenso.prisma`. */
  name: string;
  /** What the size of the input is, e.g. `2,950 lines`. */
  size?: string;
  /** The target, e.g. `< 50 ms`, and its limit in ms when it is a time per iteration. */
  target?: string;
  targetMs?: number;
  /** Skip with a reason (e.g. corpus missing). */
  skip?: string;
  iterations?: number;
  warmup?: number;
  setup?(): Promise<void> | void;
  /** Timed by the harness, once per iteration. */
  run?(): Promise<unknown> | unknown;
  /** Or: measures itself and returns named metrics in ms (e.g. a browser benchmark). */
  measure?(): Promise<Record<string, number>>;
  /** For `measure`: whether the metrics meet the target (shown as pass / MISS). */
  meets?(metrics: Record<string, number>): boolean;
  teardown?(): Promise<void> | void;
}
