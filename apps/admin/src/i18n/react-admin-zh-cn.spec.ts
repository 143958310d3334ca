import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import { describe, expect, it } from 'vitest';
import { reactAdminChinese } from './react-admin-zh-cn';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') found.set(path, value);
    else for (const [leafPath, leaf] of leaves(value, path)) found.set(leafPath, leaf);
  }
  return found;
}

const variablesOf = (text: string) => new Set([...text.matchAll(/%\{(\w+)\}/g)].map((match) => match[1]));
const formsOf = (text: string) => text.split('||||');

const english = leaves(englishMessages as unknown as Tree);
const chinese = leaves(reactAdminChinese as unknown as Tree);

describe("react-admin's texts in Simplified Chinese", () => {
  it('has a string for every key of ra-language-english and no key English lacks', () => {
    expect([...english.keys()].filter((key) => !chinese.has(key))).toEqual([]);
    expect([...chinese.keys()].filter((key) => !english.has(key))).toEqual([]);
    expect(english.size).toBeGreaterThan(150);
  });

  it('keeps every interpolation variable, plural form by plural form', () => {
    const lost: string[] = [];
    for (const [key, text] of english) {
      const translatedForms = formsOf(chinese.get(key) ?? '');
      if (translatedForms.length !== formsOf(text).length) lost.push(`${key}: ${formsOf(text).length} plural forms expected`);
      formsOf(text).forEach((form, index) => {
        for (const variable of variablesOf(form)) {
          if (!variablesOf(translatedForms[index] ?? '').has(variable)) lost.push(`${key} form ${index + 1}: %{${variable}}`);
        }
      });
    }
    expect(lost).toEqual([]);
  });

  it('is translated: no English words left outside the interpolations (dataProvider is a name)', () => {
    const untranslated = [...chinese].filter(([, text]) => /[A-Za-z]/.test(text.replace(/%\{\w+\}/g, '').replace('dataProvider', '')));
    expect(untranslated).toEqual([]);
    const nonBlankEnglish = [...english].filter(([, text]) => /[A-Za-z]/.test(text.replace(/%\{\w+\}/g, '')));
    for (const [key] of nonBlankEnglish) expect(chinese.get(key), key).toMatch(/\p{Script=Han}/u);
  });

  it("reads right for many items under polyglot's plural rule for zh-CN, which always takes the first form", () => {
    const { translate } = polyglotI18nProvider(() => reactAdminChinese, 'zh-CN');
    expect(translate('ra.action.bulk_actions', { smart_count: 3 })).toBe('已选择 3 项');
    expect(translate('ra.notification.deleted', { smart_count: 12 })).toBe('已删除 12 项');
    expect(translate('ra.message.bulk_delete_title', { smart_count: 2, name: '用户' })).toBe('删除 2 个用户');
    expect(translate('ra.navigation.page_range_info', { offsetBegin: 1, offsetEnd: 25, total: 300 })).toBe('第 1-25 条，共 300 条');
  });
});
