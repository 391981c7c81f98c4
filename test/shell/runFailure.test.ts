import { describe, expect, it } from 'vitest';
import { formatRunFailure } from '../../src/shell/runFailure';
import { sh } from './helpers';

describe('formatRunFailure', () => {
  it("words a failed RUN as the classic builder does (moby dispatchRun: The command '%s' returned a non-zero code: %d)", () => {
    const result = sh('apk add curl');
    expect(formatRunFailure({ command: 'apk add curl', exitCode: result.exitCode }))
      .toBe("The command '/bin/sh -c apk add curl' returned a non-zero code: 127");
  });

  it('uses the SHELL the Dockerfile set', () => {
    expect(formatRunFailure({ command: 'exit 3', exitCode: 3, shell: ['/bin/bash', '-o', 'pipefail', '-c'] }))
      .toBe("The command '/bin/bash -o pipefail -c exit 3' returned a non-zero code: 3");
  });

  it('words it as BuildKit does, quoting the command Go-style', () => {
    expect(formatRunFailure({ command: 'echo "hi" && exit 1', exitCode: 1, builder: 'buildkit' }))
      .toBe('process "/bin/sh -c echo \\"hi\\" && exit 1" did not complete successfully: exit code: 1');
  });
});
