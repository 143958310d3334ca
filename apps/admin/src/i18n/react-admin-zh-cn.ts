import type { TranslationMessages } from 'react-admin';
import englishMessages from 'ra-language-english';

// Filled in by the translation of ra-language-english's keys; English until then.
export const reactAdminChinese: TranslationMessages = englishMessages;
