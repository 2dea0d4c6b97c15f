/**
 * The `vigil/updateAdvisories` request behind "Vigil: Update Advisory Database": runs the same update as
 * `vigil db update` (engine/sca/update.ts) into the database the server reads, with work-done progress and
 * cancellation. Only http(s) URLs are accepted from the client (the machine-scoped `vigil.advisories.source`).
 */
import type { CancellationToken } from 'vscode-languageserver/node';
import { advisoryDbDir } from '../engine/sca/database';
import { DEFAULT_OSV_BASE_URL, updateAdvisoryDb, UpdateError } from '../engine/sca/update';
import { ECOSYSTEMS } from '../engine/sca/versions';
import { redactErrorMessage, redactSecrets } from '../engine/redact';
import { Methods, parseAdvisorySource, type UpdateAdvisoriesParams, type UpdateAdvisoriesResult } from '../shared/protocol';
import type { ServerContext } from './server';

export function registerAdvisoryUpdate(ctx: ServerContext): void {
  let running: AbortController | undefined;
  ctx.connection.onRequest(
    Methods.updateAdvisories,
    async (params: (UpdateAdvisoriesParams & { workDoneToken?: string | number }) | undefined, token: CancellationToken): Promise<UpdateAdvisoriesResult> => {
      const raw = params?.source;
      const source = parseAdvisorySource(raw);
      if (typeof raw === 'string' && raw.trim() !== '' && source === '') {
        return { ok: false, message: 'vigil.advisories.source is not an http(s) URL; the database was not changed' };
      }
      if (running) return { ok: false, message: 'an update is already running' };
      const controller = new AbortController();
      running = controller;
      const cancel = token.onCancellationRequested(() => controller.abort());
      const progress = params?.workDoneToken !== undefined ? ctx.connection.window.attachWorkDoneProgress(params.workDoneToken) : undefined;
      progress?.begin('Vigil: updating the advisory database', undefined, undefined, true);
      const dir = advisoryDbDir();
      try {
        const from = source || process.env.VIGIL_DB_SOURCE || DEFAULT_OSV_BASE_URL;
        // Only URLs: a local path in the server's environment would be read as a local source.
        if (!/^https?:\/\//i.test(from)) return { ok: false, message: 'VIGIL_DB_SOURCE is not an http(s) URL; use `vigil db update --source` for local files' };
        const report = await updateAdvisoryDb(dir, from, {
          cwd: dir,
          signal: controller.signal,
          // A mirror URL may carry a token: every line shown goes through the redaction.
          log: (line) => {
            ctx.log(redactSecrets(line.trim()));
            progress?.report(redactSecrets(line.trim()));
          },
        });
        const counts = ECOSYSTEMS.map((e) => `${e} ${report.meta.counts[e]}`).join(', ');
        ctx.log(redactSecrets(`advisory database updated from ${from}: ${counts}`));
        return { ok: true, message: `Advisory database updated: ${counts}.` };
      } catch (e) {
        const message = e instanceof UpdateError ? redactSecrets(e.message) : `the update failed: ${redactErrorMessage(e)}`;
        ctx.log(message);
        return { ok: false, message };
      } finally {
        cancel.dispose();
        progress?.done();
        running = undefined;
      }
    },
  );
}
