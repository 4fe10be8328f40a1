/**
 * Shell completion. `coach completion <shell>` prints a small script; the script asks
 * `coach __complete <words...>` for candidates, which reads them off the commander program itself
 * (so a new command or option completes with no change here) plus playbook and session ids.
 */
import type { Command, Option } from 'commander';
import { UsageError } from '../errors.js';
import type { CommandContext } from './command-context.js';
import { draftHandles } from '../store/drafts/drafts.js';
import { noteFileNames, noteIdOf } from '../store/notes/notes-index.js';
import { fileId, playbookFiles } from '../store/playbooks/playbook-library.js';

const SHELLS = ['bash', 'zsh', 'fish'] as const;

const SCRIPTS: Record<(typeof SHELLS)[number], string> = {
  bash: `# coach completion for bash: add to ~/.bashrc
#   source <(coach completion bash)
_coach_complete() {
  local IFS=$'\\n'
  COMPREPLY=( $(compgen -W "$(coach __complete "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null)" -- "\${COMP_WORDS[COMP_CWORD]}") )
}
complete -o default -F _coach_complete coach
`,
  zsh: `#compdef coach
# coach completion for zsh: add to ~/.zshrc
#   source <(coach completion zsh)
_coach() {
  local -a candidates
  candidates=("\${(@f)$(coach __complete "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  (( \${#candidates} )) && compadd -a candidates || _files
}
compdef _coach coach
`,
  fish: `# coach completion for fish: save as ~/.config/fish/completions/coach.fish
#   coach completion fish > ~/.config/fish/completions/coach.fish
function __coach_complete
    set -l tokens (commandline -opc) (commandline -ct)
    coach __complete $tokens[2..-1] 2>/dev/null
end
complete -c coach -f -a '(__coach_complete)'
`,
};

export function completionScript(shell: string): string {
  if (!(SHELLS as readonly string[]).includes(shell)) {
    throw new UsageError(`no completion for "${shell}"; choose one of: ${SHELLS.join(', ')}`);
  }
  return SCRIPTS[shell as (typeof SHELLS)[number]];
}

type IdKind = 'playbook' | 'session' | 'shell' | 'draft';

/** What a command's positional argument names, by the command's path. */
const POSITIONAL: Record<string, IdKind[]> = {
  prep: ['playbook'],
  debrief: ['session'],
  show: ['session'],
  card: ['session', 'playbook'],
  resume: ['draft'],
  'playbooks show': ['playbook'],
  completion: ['shell'],
};

/** What an option's value names, by its long flag. */
const OPTION_VALUES: Record<string, IdKind> = { '--playbook': 'playbook', '--discard': 'draft' };

const visible = (command: Command): Command[] => command.commands.filter((sub) => !sub.name().startsWith('_'));
const longFlags = (options: readonly Option[]): string[] => options.flatMap((option) => (option.long && !option.hidden ? [option.long] : []));

export async function completeWords(program: Command, words: readonly string[], context: CommandContext): Promise<string[]> {
  const partial = words[words.length - 1] ?? '';
  let command = program;
  const path: string[] = [];
  let pendingOption: Option | undefined;
  for (const word of words.slice(0, -1)) {
    pendingOption = undefined;
    const sub = visible(command).find((candidate) => candidate.name() === word || candidate.aliases().includes(word));
    if (sub) {
      command = sub;
      path.push(sub.name());
      continue;
    }
    const option = command.options.find((candidate) => candidate.long === word || candidate.short === word);
    if (option && (option.required || option.optional)) pendingOption = option;
  }

  if (pendingOption) {
    if (pendingOption.argChoices) return pendingOption.argChoices;
    const kind = pendingOption.long ? OPTION_VALUES[pendingOption.long] : undefined;
    // Files and directories: an empty answer lets the shell complete paths itself.
    return kind ? ids(kind, context) : [];
  }
  if (partial.startsWith('-')) {
    return [...longFlags(command.options), ...longFlags(program.options), '--help'];
  }
  const kinds = POSITIONAL[path.join(' ')] ?? [];
  const subcommands = visible(command).map((sub) => sub.name());
  return [...subcommands, ...(await Promise.all(kinds.map((kind) => ids(kind, context)))).flat()];
}

async function ids(kind: IdKind, context: CommandContext): Promise<string[]> {
  if (kind === 'shell') return [...SHELLS];
  if (kind === 'playbook') {
    const files = context.playbooks.sources.flatMap(playbookFiles);
    return [...new Set(files.map(fileId))].sort();
  }
  // Completion never fails: with no notes directory there are simply no ids to offer.
  try {
    if (kind === 'draft') return draftHandles(context.notesDir);
    return (await noteFileNames(context.notesDir)).map(noteIdOf).sort().reverse();
  } catch {
    return [];
  }
}
