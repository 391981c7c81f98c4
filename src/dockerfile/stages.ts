// Links between stages. `FROM name` can only name an earlier stage (that is settled while
// parsing), but `COPY --from=name` may name any stage, by name or by index, so it is resolved once
// all stages are known. A stage must not depend on itself, directly or through others
// (buildkit's "circular dependency detected on stage").

import { DockerfileParseError } from './errors';
import type { CopyInstruction, Instruction, ParseWarning, Stage } from './types';

function isCopyFrom(instruction: Instruction): instruction is CopyInstruction {
  return (instruction.kind === 'COPY' || instruction.kind === 'ADD') && instruction.from !== undefined;
}

/**
 * resolveStageRefs turns each `COPY --from=<stage name or index>` into a stage reference and
 * throws when a reference is out of range or closes a cycle.
 *
 * @example
 * resolveStageRefs(stages, warnings) // COPY --from=build now has from: { kind: 'stage', index: 0, name: 'build' }
 */
export function resolveStageRefs(stages: Stage[], warnings: ParseWarning[]): void {
  for (const stage of stages) {
    for (const copy of stage.instructions.filter(isCopyFrom)) resolveCopyFrom(copy, stages, warnings);
  }
  const cycle = findCycle(stages);
  if (cycle) {
    const { file, line, column } = cycle.copy.position;
    throw new DockerfileParseError(`circular dependency detected on stage: ${stageLabel(cycle.stage)}`, { file, line, column });
  }
}

function resolveCopyFrom(copy: CopyInstruction, stages: Stage[], warnings: ParseWarning[]): void {
  if (copy.from?.kind !== 'image') return;
  const name = copy.from.ref;
  const { file, line, column } = copy.position;
  if (/^\d+$/.test(name)) {
    const index = Number(name);
    if (index >= stages.length) {
      throw new DockerfileParseError(`invalid from flag value ${name}: there is no stage with index ${index}`, { file, line, column });
    }
    copy.from = { kind: 'stage', index, name: stageLabel(stages[index]) };
    return;
  }
  const target = stages.find((stage) => stage.name === name.toLowerCase());
  if (target) copy.from = { kind: 'stage', index: target.index, name: target.name as string };
  else if (!/[:/@.]/.test(name)) {
    const message = `'${name}' is not a stage of this Dockerfile, so it will be pulled as an image; check the spelling`;
    warnings.push({ rule: 'CopyFromImage', message, location: { file, line, column } });
  }
}

function stageLabel(stage: Stage): string {
  return stage.name ?? String(stage.index);
}

// Edges: a stage depends on its FROM stage and on every stage it copies from.
function dependencies(stage: Stage): { index: number; copy?: CopyInstruction }[] {
  const edges: { index: number; copy?: CopyInstruction }[] = [];
  if (stage.from.base.kind === 'stage') edges.push({ index: stage.from.base.index });
  for (const copy of stage.instructions.filter(isCopyFrom)) {
    if (copy.from?.kind === 'stage') edges.push({ index: copy.from.index, copy });
  }
  return edges;
}

// Depth-first search; reaching a stage that is still on the path closes a cycle. FROM edges
// always point backwards in the file, so every cycle holds a COPY --from: we report the last one
// taken on the way round (the path is kept as a stack of the edges followed).
function findCycle(stages: Stage[]): { stage: Stage; copy: CopyInstruction } | undefined {
  const state = new Map<number, 'visiting' | 'done'>();
  const path: { from: number; copy?: CopyInstruction }[] = [];
  const visit = (index: number): { stage: Stage; copy: CopyInstruction } | undefined => {
    state.set(index, 'visiting');
    for (const edge of dependencies(stages[index])) {
      path.push({ from: index, copy: edge.copy });
      const found = state.get(edge.index) === 'visiting' ? closingCopy(path, edge.index, stages) : state.has(edge.index) ? undefined : visit(edge.index);
      if (found) return found;
      path.pop();
    }
    state.set(index, 'done');
    return undefined;
  };
  for (const stage of stages) {
    const found = state.has(stage.index) ? undefined : visit(stage.index);
    if (found) return found;
  }
  return undefined;
}

function closingCopy(path: { from: number; copy?: CopyInstruction }[], start: number, stages: Stage[]) {
  const first = path.findIndex((step) => step.from === start);
  const cycle = path.slice(first).reverse();
  const step = cycle.find((candidate) => candidate.copy !== undefined);
  return step?.copy ? { stage: stages[step.from], copy: step.copy } : undefined;
}
