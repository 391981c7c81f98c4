// The classic builder's run config: the image config that each step's intermediate container
// runs with. Every instruction updates it; `config` of the image is it after the step, and
// `container_config` is it with Cmd set to what the step ran (formats.md 2.3, 2.4).
import type { RunConfig } from '../../image/types';
import type { Instruction } from '../../dockerfile/types';

/** withInstruction: the run config after a metadata instruction (ENV, LABEL, CMD, …). */
export function withInstruction(config: RunConfig, instruction: Instruction): RunConfig {
  const next: RunConfig = { ...config };
  switch (instruction.kind) {
    case 'ENV': {
      const env = [...(config.Env ?? [])];
      for (const { key, value } of instruction.pairs) {
        const at = env.findIndex((pair) => pair.slice(0, pair.indexOf('=')) === key);
        if (at >= 0) env[at] = `${key}=${value}`; else env.push(`${key}=${value}`);
      }
      next.Env = env;
      break;
    }
    case 'LABEL': next.Labels = { ...(config.Labels ?? {}), ...Object.fromEntries(instruction.pairs.map(({ key, value }) => [key, value])) }; break;
    case 'WORKDIR': next.WorkingDir = instruction.resolvedPath; break;
    case 'USER': next.User = instruction.user; break;
    case 'EXPOSE': next.ExposedPorts = { ...(config.ExposedPorts ?? {}), ...Object.fromEntries(instruction.ports.map((port) => [port.includes('/') ? port : `${port}/tcp`, {}])) }; break;
    case 'VOLUME': next.Volumes = { ...(config.Volumes ?? {}), ...Object.fromEntries(instruction.paths.map((path) => [path, {}])) }; break;
    case 'CMD': next.Cmd = instruction.command; next.ArgsEscaped = instruction.form === 'shell' ? true : config.ArgsEscaped; break;
    case 'ENTRYPOINT': next.Entrypoint = instruction.command; if (!config.Cmd || instruction.form === 'shell') next.Cmd = null; break;
    case 'SHELL': next.Shell = instruction.shell; break;
    case 'STOPSIGNAL': next.StopSignal = instruction.signal; break;
    case 'HEALTHCHECK': next.Healthcheck = { Test: instruction.health.test, Interval: instruction.health.interval, Timeout: instruction.health.timeout, StartPeriod: instruction.health.startPeriod, Retries: instruction.health.retries } as RunConfig['Healthcheck']; break;
    case 'ONBUILD': next.OnBuild = [...(config.OnBuild ?? []), instruction.trigger]; break;
    default: break;
  }
  return next;
}

/** envOf: a run config's Env as a map (later pairs win). */
export function envOf(config: RunConfig): Record<string, string> {
  return Object.fromEntries((config.Env ?? []).map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]));
}

/** stepCmd: what the step's container ran, as Cmd: the RUN command, or the shell plus `#(nop)` text. */
export function stepCmd(instruction: Instruction, shell: string[], createdBy: string): string[] {
  if (instruction.kind === 'RUN') return instruction.command;
  const nop = createdBy.slice(shell.join(' ').length + 1);
  const twoArgs = nop.startsWith('#(nop)  ');
  return twoArgs ? [...shell, '#(nop) ', nop.slice('#(nop)  '.length)] : [...shell, nop];
}
