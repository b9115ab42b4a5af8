/** Samples this process's resident set size and remembers the largest value seen. */
export class RssSampler {
  private peak = process.memoryUsage.rss();
  private readonly timer: NodeJS.Timeout;

  constructor(intervalMs = 25) {
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  /** Takes one sample now (call after heavy synchronous work, which starves the timer). */
  sample(): number {
    const rss = process.memoryUsage.rss();
    if (rss > this.peak) this.peak = rss;
    return rss;
  }

  /** Largest RSS in MB: the sampled maximum, or the kernel's maxRSS if that is higher. */
  peakMb(): number {
    this.sample();
    const kernelPeak = process.resourceUsage().maxRSS * 1024;
    return Math.max(this.peak, kernelPeak) / 1_048_576;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
