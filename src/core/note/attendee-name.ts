/**
 * An attendee as a note shows them: `Dana Whitfield <dana@acme.example>` is Dana Whitfield; who
 * has no name is shown by the address alone. The note's front matter keeps both.
 */
export const attendeeName = (person: string): string => person.replace(/ <[^>]*>$/, '');
