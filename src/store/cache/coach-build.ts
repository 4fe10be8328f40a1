/**
 * Which build of coach wrote a cache entry. In the bundle it is `<version>+<hash of the bundle>`
 * (build.ts fills COACH_BUILD_ID in after bundling), so what any other version, or another build
 * of the same version (a schema changed before the version number did), left in the cache is
 * ignored. Run from src it is the version alone.
 */
import packageJson from '../../../package.json' with { type: 'json' };

declare const COACH_BUILD_ID: string | undefined;

export const COACH_VERSION: string = typeof COACH_BUILD_ID === 'string' ? `${packageJson.version}+${COACH_BUILD_ID}` : packageJson.version;
