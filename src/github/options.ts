/** The action's GitHub settings as values, kept apart from the client so the action's start-up never loads Octokit. */
export type CommentMode = 'always' | 'on-change' | 'on-fail' | 'never';
export const COMMENT_MODES: readonly CommentMode[] = ['always', 'on-change', 'on-fail', 'never'];
export type PolicySource = 'workspace' | 'base';
export const POLICY_SOURCES: readonly PolicySource[] = ['workspace', 'base'];
