/**
 * Options that several commands share, declared once here: `--notes-dir`, and the ones given more
 * than once (`--set a=1 --set b=2`, `--playbooks dir`). Repeatable ones have no default value, so
 * help shows no "(default: [])"; an option that was never given reads as undefined.
 */
import { Option } from 'commander';

export const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

export const playbooksOption = (): Option =>
  new Option('--playbooks <dir>', 'also look for playbooks in this directory (repeatable)').argParser(collect);

export const notesDirOption = (): Option =>
  new Option('--notes-dir <dir>', 'the notes directory (default: $COACH_NOTES_DIR or the platform data directory)');
