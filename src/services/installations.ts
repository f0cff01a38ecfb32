// Workspaces that installed the app (OAuth v2). Bolt's installation record, tokens included, is
// sealed with AES-256-GCM under STAR_ENCRYPTION_KEY before it reaches the database, and opened only
// here; tokens never go to a log (errors name the workspace, never the record).
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Clock } from '../clock.js';
import { StarError } from '../core/errors.js';
import type { InstallationsRepository } from '../db/ports.js';

const VERSION = 'v1';
/** GCM's recommended nonce length; a fresh random one per sealing. */
const IV_BYTES = 12;

/** A sealed record that does not open with this key (another key, or tampered with). */
export class InstallationSealError extends StarError {
  readonly code = 'installation_seal';
}

/** Seals and opens JSON records with one AES-256-GCM key. */
export class Sealer {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new InstallationSealError('the encryption key must be 32 bytes');
  }

  seal(record: unknown): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(JSON.stringify(record), 'utf8'), cipher.final()]);
    return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':');
  }

  open<T>(sealed: string, teamId: string): T {
    const [version, iv, tag, body] = sealed.split(':');
    try {
      if (version !== VERSION || !iv || !tag || !body) throw new Error(`unknown format ${version}`);
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      const text = Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
      return JSON.parse(text) as T;
    } catch (err) {
      throw new InstallationSealError(
        `the installation of ${teamId} does not open with STAR_ENCRYPTION_KEY (another key, or changed)`,
        { cause: err instanceof Error ? new Error(err.message) : undefined },
      );
    }
  }
}

/** An org-wide Enterprise Grid install: refused, with what to do instead. */
export class OrgInstallRefusedError extends StarError {
  readonly code = 'org_install_refused';
}

/** The installation records of every workspace, sealed at rest. Records are opaque JSON here. */
export class InstallationVault {
  constructor(
    private readonly repo: InstallationsRepository,
    private readonly sealer: Sealer,
    private readonly clock: Clock,
  ) {}

  async store(teamId: string, enterpriseId: string | null, record: unknown): Promise<void> {
    await this.repo.save(teamId, enterpriseId, this.sealer.seal(record), this.clock.now());
  }

  async fetch<T>(teamId: string): Promise<T | undefined> {
    const sealed = await this.repo.find(teamId);
    return sealed === undefined ? undefined : this.sealer.open<T>(sealed, teamId);
  }

  /**
   * The workspace uninstalled the app or revoked its tokens: they are forgotten at once, and its
   * data once the grace period has passed (see ./workspaces.ts) unless it installs again first.
   */
  async remove(teamId: string): Promise<boolean> {
    return this.repo.remove(teamId, this.clock.now());
  }

  /**
   * Looks at a record under the workspace's lock and may replace it (a rotated token): another
   * instance refreshing the same workspace waits, then sees the new token instead of refreshing
   * with a refresh token that is no longer valid.
   */
  async update<T, R>(teamId: string, work: (record: T | undefined) => Promise<{ record?: T; result: R }>): Promise<R> {
    return this.repo.withLock(
      teamId,
      async (sealed) => {
        const outcome = await work(sealed === undefined ? undefined : this.sealer.open<T>(sealed, teamId));
        return {
          result: outcome.result,
          ...(outcome.record === undefined ? {} : { sealed: this.sealer.seal(outcome.record) }),
        };
      },
      this.clock.now(),
    );
  }
}
