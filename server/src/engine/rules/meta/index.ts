// Rules of the 'meta' family, in code order.
import type { Rule } from '../rule';
import { fileTooLarge } from './file-too-large';
import { unreadableFile } from './unreadable-file';
import { unusedSuppression } from './unused-suppression';

export const META_RULES: Rule[] = [fileTooLarge, unreadableFile, unusedSuppression];
