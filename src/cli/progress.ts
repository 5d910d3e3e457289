/** The terminal a progress bar draws on (process.stderr, or a fake in tests). */
export interface ProgressStream {
  write(text: string): unknown;
  columns?: number;
}

/** Redraws at most this often, milliseconds. */
const REDRAW_MS = 100;

function formatSeconds(s: number): string {
  if (s < 60) return `${s.toFixed(s < 10 ? 1 : 0)} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${Math.round(s - m * 60)} s`;
}

/**
 * A one-line progress bar over the simulated years of an ensemble (runs × years steps), with
 * runs completed, time elapsed and an estimate of the time left. Draws with `\r`, so the
 * stream must be a terminal; clears its line when done.
 */
export class ProgressBar {
  private steps = 0;
  private runsDone = 0;
  private lastDraw = 0;
  private readonly started = performance.now();

  constructor(
    private readonly stream: ProgressStream,
    private readonly runs: number,
    private readonly yearsPerRun: number,
    private readonly endYear: number,
  ) {
    this.draw();
  }

  /** Some run has simulated up to the end of `calendarYear`. */
  year(calendarYear: number): void {
    this.steps++;
    if (calendarYear === this.endYear) this.runsDone++;
    const now = performance.now();
    if (now - this.lastDraw >= REDRAW_MS || this.steps === this.runs * this.yearsPerRun) this.draw(now);
  }

  /** Removes the bar. */
  clear(): void {
    this.stream.write('\r\x1b[K');
  }

  private draw(now = performance.now()): void {
    this.lastDraw = now;
    const total = this.runs * this.yearsPerRun;
    const fraction = total === 0 ? 1 : this.steps / total;
    const elapsed = (now - this.started) / 1000;
    const left = this.steps > 0 ? (elapsed / this.steps) * (total - this.steps) : undefined;
    const text = ` ${Math.floor(fraction * 100)}%  ${this.runsDone}/${this.runs} runs  ${formatSeconds(elapsed)}${left === undefined ? '' : `, ~${formatSeconds(left)} left`}`;
    const width = Math.max(10, Math.min(40, (this.stream.columns || 80) - text.length - 3));
    const filled = Math.round(fraction * width);
    this.stream.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]${text}\x1b[K`);
  }
}
