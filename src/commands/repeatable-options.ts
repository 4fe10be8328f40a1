/**
 * Options given more than once (`--set a=1 --set b=2`, `--playbooks dir`). They have no default
 * value, so help shows no "(default: [])"; an option that was never given reads as undefined.
 */
import { Option } from 'commander';

export const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

export const playbooksOption = (): Option =>
  new Option('--playbooks <dir>', 'also look for playbooks in this directory (repeatable)').argParser(collect);
