/**
 * The ids of the built-in context questions every session asks first. Apart from schema.ts so
 * that the walk, the drafts and the options can name them without loading zod: a prep of a
 * precompiled playbook never needs the schema.
 */
export const CONTEXT_IDS = ['customer', 'title', 'date'] as const;

export const isContextId = (id: string): id is (typeof CONTEXT_IDS)[number] => (CONTEXT_IDS as readonly string[]).includes(id);
