/**
 * A problem the reference checks (check-references.ts, check-reachability.ts) find in a valid
 * shape: where in the playbook, as a path of keys and indexes, and what is wrong. parse-playbook
 * maps the path back to a line and column of the file.
 */
export type IssuePath = (string | number)[];

export interface ReferenceIssue {
  path: IssuePath;
  message: string;
}
