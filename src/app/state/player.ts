import type { AppContext } from '../context';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Play, pause and step. Playing moves the year shown forward one year per tick: through years
 * already simulated (after the scrubber went back), then by asking the worker for the next year.
 * The page never waits on the engine: each year is one message to the worker.
 */
export class Player {
  private token = 0;
  /**
   * Awaited before the user's Play (toggle) and Step go on; false stops them. The app sets it to
   * the policy panel's applyPending, so that a lever left open in its editor runs.
   */
  beforeRun: () => Promise<boolean> = async () => true;

  constructor(
    private readonly ctx: AppContext,
    /** Called when the engine fails in the worker; playing stops. */
    private readonly onError: (e: unknown) => void = () => {},
  ) {
    // A dead worker stops playing at once, also while the loop sits between two years (no step
    // in flight to fail); the fault itself is reported by whoever listens to the SimClient.
    ctx.sim.onFault(() => this.pause());
  }

  play(): void {
    const { store, sim } = this.ctx;
    if (store.state.playing || !sim.meta) return;
    if (sim.done && store.state.yearIndex >= sim.frontier) store.set({ yearIndex: 0 });
    store.set({ playing: true });
    void this.loop(++this.token);
  }

  pause(): void {
    this.token++;
    this.ctx.store.set({ playing: false });
  }

  /** Play or pause, as the user asks (Play button, Space). */
  toggle(): void {
    if (this.ctx.store.state.playing) this.pause();
    else void this.beforeRun().then((go) => go && this.play());
  }

  /** One year forward (simulating it if needed). */
  async stepOnce(): Promise<void> {
    this.pause();
    if (!(await this.beforeRun())) return;
    try {
      await this.advance();
    } catch (e) {
      this.onError(e);
    }
  }

  /** Back to the start year, discarding the run. */
  async reset(): Promise<void> {
    this.pause();
    this.ctx.store.set({ yearIndex: 0 });
    try {
      await this.ctx.sim.reset();
    } catch (e) {
      this.onError(e);
    }
    this.ctx.store.set({ yearIndex: 0 });
  }

  private async loop(token: number): Promise<void> {
    const { store } = this.ctx;
    while (token === this.token && store.state.playing) {
      const t0 = performance.now();
      let advanced: boolean;
      try {
        advanced = await this.advance();
      } catch (e) {
        this.pause();
        this.onError(e);
        return;
      }
      if (token !== this.token) return;
      if (!advanced) {
        store.set({ playing: false });
        return;
      }
      const interval = Number.isFinite(store.state.speed) ? 1000 / store.state.speed : 0;
      // at least one frame between years so every year is drawn
      await sleep(Math.max(16, interval - (performance.now() - t0)));
    }
  }

  /** Shows the next year; false at the end of the horizon or if the run was replaced. */
  private async advance(): Promise<boolean> {
    const { store, sim } = this.ctx;
    // A year still being simulated when the user pauses or resets must not move the year shown.
    const token = this.token;
    if (!sim.meta) return false;
    if (store.state.yearIndex < sim.frontier) {
      store.set({ yearIndex: store.state.yearIndex + 1 });
      return true;
    }
    if (sim.done) return false;
    const ok = await sim.step(1);
    if (ok && token === this.token) store.set({ yearIndex: sim.frontier });
    return ok;
  }
}
