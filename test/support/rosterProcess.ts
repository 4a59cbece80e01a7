import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface RosterProcess {
  url: string;
  /** The service's own process id (the bench reads its memory from /proc). */
  pid: number;
  /** Sends the signal and resolves once the process has gone. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

/**
 * Starts `roster/main.ts` as a child on a free loopback port. Node runs the tsx loader itself
 * (`--import tsx`) so the child is one process: a SIGKILL reaches the server, not a wrapper.
 */
export function startRosterProcess(args: string[], env: Record<string, string> = {}): Promise<RosterProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'roster/main.ts', '--port', '0', ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail('did not print its address within 30 s'), 30_000);
    function fail(why: string) {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`roster process ${why}:\n${output}`));
    }
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (!match?.[1]) return;
      clearTimeout(timer);
      resolve({ url: match[1], pid: child.pid!, kill: (signal) => stop(child, exited, signal) });
    });
    child.once('exit', (code) => fail(`exited early with ${code}`));
  });
}

async function stop(child: ChildProcess, exited: Promise<void>, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  await exited;
}

/** Runs `roster/cli.ts` to completion and returns what it printed and its exit code. */
export function runRosterCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', 'roster/cli.ts', ...args], { cwd: repoRoot }, (err, stdout, stderr) => {
      if (err && typeof err.code !== 'number') reject(err);
      else resolve({ code: err ? Number(err.code) : 0, stdout, stderr });
    });
  });
}
