/**
 * Which build of coach wrote a cache entry. In the bundle it is `<version>+<hash of the bundle>`
 * (build.ts fills COACH_BUILD_ID in after bundling), so what any other version, or another build
 * of the same version (a schema changed before the version number did), left in the cache is
 * ignored. Run from src it is the version alone.
 */
import packageJson from '../../../package.json' with { type: 'json' };

declare const COACH_BUILD_ID: string | undefined;

export const COACH_VERSION: string = typeof COACH_BUILD_ID === 'string' ? `${packageJson.version}+${COACH_BUILD_ID}` : packageJson.version;

/**
 * True in the bundle only (src/build/build.ts defines it). Run from src (tests, tsx), what coach
 * makes of a text may have changed under the same version number, so results are not cached.
 */
declare const COACH_BUNDLE: boolean | undefined;
export const IN_BUNDLE: boolean = typeof COACH_BUNDLE !== 'undefined' && COACH_BUNDLE;
