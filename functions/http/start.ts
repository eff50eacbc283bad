/**
 * `npm start`: builds the site when the build in dist/ is missing or out of date (settings/build-stamp.ts), then
 * serves it. Several instances started on one build share it; none rebuilds what is current.
 */
import { spawnSync } from 'node:child_process';
import { isBuildCurrent } from '#functions/settings/build-stamp.ts';

if (isBuildCurrent(process.env)) {
  console.log('The build in dist/ is current: serving it');
} else {
  const build = spawnSync('astro', ['build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
await import('./server.ts');
