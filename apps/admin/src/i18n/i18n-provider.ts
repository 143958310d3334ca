import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { TranslationMessages } from 'react-admin';
import englishMessages from 'ra-language-english';
import { consoleMessages } from './console-messages';
import { reactAdminChinese } from './react-admin-zh-cn';
import { mergeMessages } from './merge-messages';

export const LOCALES = [
  { locale: 'en', name: 'English' },
  { locale: 'zh-CN', name: '简体中文' },
];

const messages = {
  en: mergeMessages<TranslationMessages>(englishMessages, consoleMessages.en),
  'zh-CN': mergeMessages<TranslationMessages>(reactAdminChinese, consoleMessages.zh),
};

// English by default; react-admin keeps the chosen locale in its store (localStorage), so the choice is remembered.
export const i18nProvider = polyglotI18nProvider((locale) => (locale === 'zh-CN' ? messages['zh-CN'] : messages.en), 'en', LOCALES, {
  allowMissing: true,
});
