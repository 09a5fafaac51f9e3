/** The flags of `npm run bench:workflow -- ...`. */
export interface WorkflowBenchArgs {
  /** Flows of a fixed-rate run. */
  flows: number;
  /** Arrivals per second of a fixed-rate run. */
  rate: number;
  /** The rates to try in increasing order until one is not sustained (`--max`, or `--rates a,b,c`); empty for one fixed-rate run. */
  ramp: number[];
  /** Seconds of arrivals at each rate of a ramp (flows = rate x seconds). */
  levelSeconds: number;
  /** How often the watcher asks the gateway for the enrolments (ms). */
  pollMs: number;
  /** A level whose p99 arrival-to-visible exceeds this is not sustained (ms). */
  maxP99Ms: number;
  /** Where every service writes its CPU profile when the bench stops it (bench/cpu-profile.cjs); none if undefined. */
  cpuProfiles?: string;
}

export const USAGE = `npm run bench:workflow -- [--flows N] [--rate R] [--max | --rates 25,50,100] [--seconds S] [--poll-ms P] [--max-p99-ms B] [--cpu-profiles DIR]
  --flows N       flows of a fixed-rate run (default 1000)
  --rate R        arrivals per second of a fixed-rate run (default 50)
  --max           find the highest sustained rate: 25, 50, 75, 100, 125, 150, 200, 250, 300 flows/s, S seconds each,
                  stopping after the first rate that is not sustained
  --rates a,b,c   the same over these rates
  --seconds S     seconds of arrivals per rate of --max/--rates (default 10)
  --poll-ms P     the watcher's period (one GET for all pending flows; default 20)
  --max-p99-ms B  sustained only if p99 arrival-to-visible <= B (default 1000)
  --cpu-profiles DIR
                  every service writes DIR/<service>-<pid>.cpuprofile when the bench stops it`;

const DEFAULT_RAMP = [25, 50, 75, 100, 125, 150, 200, 250, 300];

export function parseWorkflowArgs(argv: string[]): WorkflowBenchArgs {
  const args: WorkflowBenchArgs = { flows: 1_000, rate: 50, ramp: [], levelSeconds: 10, pollMs: 20, maxP99Ms: 1_000 };
  const positive = (flag: string, value: string | undefined): number => {
    const n = Number(value);
    if (value === undefined || !Number.isFinite(n) || n <= 0) throw new Error(`${flag} takes a positive number, not ${value ?? 'nothing'}\n${USAGE}`);
    return n;
  };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    switch (flag) {
      case '--flows':
        args.flows = Math.round(positive(flag, argv[++i]));
        break;
      case '--rate':
        args.rate = positive(flag, argv[++i]);
        break;
      case '--max':
        args.ramp = DEFAULT_RAMP;
        break;
      case '--rates':
        args.ramp = (argv[++i] ?? '').split(',').map((r) => positive(flag, r)).sort((a, b) => a - b);
        break;
      case '--seconds':
        args.levelSeconds = positive(flag, argv[++i]);
        break;
      case '--poll-ms':
        args.pollMs = positive(flag, argv[++i]);
        break;
      case '--max-p99-ms':
        args.maxP99Ms = positive(flag, argv[++i]);
        break;
      case '--cpu-profiles': {
        const dir = argv[++i];
        if (!dir || dir.startsWith('--')) throw new Error(`--cpu-profiles takes a directory\n${USAGE}`);
        args.cpuProfiles = dir;
        break;
      }
      default:
        throw new Error(`unknown flag ${flag}\n${USAGE}`);
    }
  }
  return args;
}
